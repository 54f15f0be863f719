// `snapshot` and `explain`: the topology of this host, and the path of one packet through it. The library is imported
// inside each action (see commands.ts): `snapshot --json` loads no renderer, and Plot only when it draws.
import { writeFile } from "node:fs/promises";
import type { Command } from "commander";
import { ExitCode, UsageError } from "../errors.js";
import type { Topology } from "../topology/model.js";
import { printJson } from "./output.js";

const protocols = ["tcp", "udp", "icmp"] as const;

// Validate --protocol.
const protocolOption = (value: string | undefined): (typeof protocols)[number] | undefined => {
  if (value === undefined) return undefined;
  if (!(protocols as readonly string[]).includes(value))
    throw new UsageError(`Expected the \`--protocol\` option to be one of ${protocols.join(", ")}, got \`${value}\`.`, {
      hint: "Use --protocol tcp, udp or icmp.",
    });
  return value as (typeof protocols)[number];
};

// `snapshot --svg FILE` and `--html FILE`: the picture (Observable Plot), and the page with the tables.
const writePictures = async (topology: Topology, options: { svg?: string; html?: string }): Promise<void> => {
  const [{ topologySvg }, { escapeHtml, textAlternative }, { interfacesTable, natTable, routesTable, tableHtml }] = await Promise.all([
    import("../render/topology-plot.js"),
    import("../render/display.js"),
    import("../render/topology-tables.js"),
  ]);
  const svg = topologySvg(topology, { title: "docker-net-lab snapshot" });
  if (options.svg) await writeFile(options.svg, svg);
  if (options.html) {
    const tables = [interfacesTable(topology), routesTable(topology), natTable(topology)].map(tableHtml).join("\n<br>\n");
    const warnings = topology.warnings.length ? `<ul>${topology.warnings.map((w) => `<li>${escapeHtml(w)}</li>`).join("")}</ul>` : "";
    await writeFile(
      options.html,
      `<!DOCTYPE html><meta charset="utf-8"><title>docker-net-lab snapshot</title>\n${svg}\n${textAlternative(tables)}\n${warnings}\n`,
    );
  }
};

/** `snapshot [--json] [--text] [--svg FILE] [--html FILE]` (bin.ts runs `snapshot` and `snapshot --json` without commander). */
export const snapshotAction = async (options: { json?: boolean; text?: boolean; svg?: string; html?: string }): Promise<void> => {
  const { snapshot } = await import("../topology/snapshot.js");
  const topology = await snapshot();
  if (options.svg || options.html) await writePictures(topology, options);
  if (options.text) {
    const { interfacesTable, natTable, routesTable, tableText } = await import("../render/topology-tables.js");
    process.stdout.write(`${[interfacesTable(topology), routesTable(topology), natTable(topology)].map(tableText).join("\n\n")}\n`);
  }
  if (options.json || (!options.svg && !options.html && !options.text)) printJson(topology);
};

/** Add `snapshot` and `explain`. */
export const registerTopologyCommands = (program: Command, setExit: (code: number) => void): void => {
  program
    .command("snapshot")
    .description("Read the current topology (networks, containers, namespaces, links, NAT); changes nothing.")
    .option("--json", "print the topology as JSON (the default)")
    .option("--text", "print the interface, route and NAT tables as text")
    .option("--svg <file>", "write the picture as SVG")
    .option("--html <file>", "write the picture and the tables in an HTML page")
    .addHelpText(
      "after",
      "\nExamples:\n  docker-net-lab snapshot --json > topology.json\n  docker-net-lab snapshot --svg host.svg --html host.html\n  docker-net-lab snapshot --text\n",
    )
    .action(snapshotAction);

  program
    .command("explain")
    .description("Explain the path of one packet hop by hop (routes, links, bridges, iptables rules); --prove sends one real packet.")
    .argument("<from>", "host, a container, an ip netns name (netns:NAME) or an address")
    .argument("<to>", "the same forms, optionally with :PORT (host:8080, web:80, 127.0.0.1:8080)")
    .option("--protocol <p>", "tcp, udp or icmp (default: tcp with a port, else icmp)")
    .option("--prove", "send one packet (only to the project's own containers and namespaces) and show the rule counters that moved")
    .option("--json", "print the explanation as JSON")
    .addHelpText(
      "after",
      "\nExit status: 0 when explained (with --prove: when the packet did what the explanation says), 1 otherwise.\n\nExamples:\n  docker-net-lab explain host 127.0.0.1:8080\n  docker-net-lab explain dnl-ab12-04-a dnl-ab12-04-b\n  docker-net-lab explain dnl-ab12-03-web netns:dnlab12inet --prove\n",
    )
    .action(async (from: string, to: string, options: { protocol?: string; prove?: boolean; json?: boolean }) => {
      const protocol = protocolOption(options.protocol);
      const explainOptions = protocol ? { protocol } : {};
      const { describeExplanation, explain } = await import("../topology/explain.js");
      if (options.prove) {
        const { prove } = await import("../topology/prove.js");
        const proof = await prove(from, to, explainOptions);
        const expected = proof.explanation.verdict === "delivered";
        const answered = proof.probe.exitCode === 0;
        if (options.json) printJson(proof);
        else {
          const moved = proof.moved.map((m) => `  +${m.packets} pkt  iptables -t ${m.rule.table} ${m.rule.text}`);
          process.stdout.write(
            `${describeExplanation(proof.explanation)}\n\nsent: ${proof.probe.command} -> exit ${proof.probe.exitCode}${proof.probe.output ? ` (${proof.probe.output.split("\n")[0]})` : ""}\nrule counters that moved:\n${moved.join("\n") || "  (none)"}\n`,
          );
        }
        if (expected !== answered && proof.explanation.packet.protocol !== "udp") setExit(ExitCode.failed);
        return;
      }
      const { snapshot } = await import("../topology/snapshot.js");
      const topology = await snapshot();
      const explanation = explain(topology, from, to, explainOptions);
      if (options.json) printJson(explanation);
      else process.stdout.write(`${describeExplanation(explanation)}\n`);
    });
};
