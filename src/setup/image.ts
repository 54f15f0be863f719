// The lab toolbox image, built offline from Debian's busybox-static with `docker import`.
import { createHash } from "node:crypto";
import { chmod, mkdir, mkdtemp, readdir, rm, symlink, writeFile, copyFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { EnvironmentError } from "../errors.js";
import { run, runText, timeouts } from "../exec/run.js";
import { packageVersion, stateDir } from "./paths.js";
import { asOverhead } from "../exec/trace.js";

/** Repository of the toolbox image; the tag is the project version. */
export const toolboxRepository = "docker-net-lab/toolbox";
/** Full reference of the toolbox image for this version. */
export const toolboxImage = `${toolboxRepository}:${packageVersion}`;
/** The web server the labs and challenges run in the toolbox image: busybox httpd in the foreground, on port 80, serving /var/www. */
export const webServerCommand: readonly string[] = ["httpd", "-f", "-p", "80", "-h", "/var/www"];
/** Applets the labs rely on; the build fails if busybox lacks one. */
export const requiredApplets = [
  "sh",
  "ip",
  "ping",
  "nslookup",
  "httpd",
  "nc",
  "wget",
  "route",
  "ifconfig",
  "brctl",
  "sleep",
  "cat",
  "hostname",
  "arp",
  "traceroute",
  "netstat",
] as const;

// Bump when the recipe below changes, so existing images count as outdated.
const recipeVersion = "2";
const recipeLabel = "io.docker-net-lab.toolbox-recipe";

export interface ImageStatus {
  readonly ok: boolean;
  readonly image: string;
  readonly detail: string;
}

// The recipe fingerprint stored as a label on the image.
const recipeFingerprint = (busyboxVersion: string): string =>
  createHash("sha256")
    .update(`${recipeVersion}\n${busyboxVersion}\n${requiredApplets.join(",")}`)
    .digest("hex")
    .slice(0, 16);

// Is the toolbox image present for this version? Never throws.
/** The labs' precondition: the toolbox image is there (a clear error with the fix when it is not). */
export const requireToolboxImage = (): Promise<void> => asOverhead(requireToolboxImageNow);

const requireToolboxImageNow = async (): Promise<void> => {
  const image = await imageStatus();
  if (!image.ok)
    throw new EnvironmentError(`The toolbox image ${image.image} is missing.`, {
      hint: "Run `npx docker-net-lab setup` in a terminal, then run this cell again.",
    });
};

export const imageStatus = async (): Promise<ImageStatus> => {
  const result = await run("docker", ["image", "inspect", "--format", `{{index .Config.Labels "${recipeLabel}"}}`, toolboxImage], {
    reject: false,
    timeout: 15_000,
  });
  if (result.exitCode !== 0) return { ok: false, image: toolboxImage, detail: "not built yet" };
  return { ok: true, image: toolboxImage, detail: `recipe ${result.stdout.trim()}` };
};

// Version of Debian's busybox-static when installed on this machine, else null.
const installedBusyboxVersion = async (): Promise<string | null> => {
  const installed = await run("dpkg-query", ["-W", "-f", "${Status} ${Version}", "busybox-static"], { reject: false });
  return installed.exitCode === 0 && installed.stdout.startsWith("install ok installed") ? (installed.stdout.split(" ").at(-1) ?? "unknown") : null;
};

// Find a statically linked busybox: Debian's busybox-static if installed, else download its .deb.
const findStaticBusybox = async (log: (line: string) => void): Promise<{ path: string; version: string }> => {
  const installed = await installedBusyboxVersion();
  if (installed !== null) return { path: "/bin/busybox", version: installed };
  const cache = join(stateDir(), "cache", "busybox-static");
  await mkdir(cache, { recursive: true });
  let debs = (await readdir(cache)).filter((name) => name.endsWith(".deb"));
  if (debs.length === 0) {
    log("downloading Debian's busybox-static package (apt-get download)");
    const download = await run("apt-get", ["download", "busybox-static"], { cwd: cache, reject: false, timeout: timeouts.install });
    if (download.exitCode !== 0) {
      if (process.getuid?.() === 0) await run("apt-get", ["update"], { timeout: timeouts.install });
      await run("apt-get", ["download", "busybox-static"], { cwd: cache, timeout: timeouts.install }).catch((cause: unknown) => {
        throw new EnvironmentError("Could not get Debian's busybox-static package to build the toolbox image.", {
          hint: "Run `sudo apt-get update && sudo apt-get install busybox-static`, then `npx docker-net-lab setup` again.",
          cause,
        });
      });
    }
    debs = (await readdir(cache)).filter((name) => name.endsWith(".deb"));
  }
  const deb = debs.sort().at(-1) as string;
  const root = join(cache, "extracted");
  await rm(root, { recursive: true, force: true });
  await run("dpkg-deb", ["-x", join(cache, deb), root], { timeout: timeouts.build });
  const version = deb.split("_")[1]?.replace("%3a", ":") ?? "unknown";
  return { path: join(root, "bin", "busybox"), version };
};

/** Build the toolbox image unless the current one exists with the same recipe. */
export const ensureToolboxImage = async (log: (line: string) => void, options: { force?: boolean } = {}): Promise<ImageStatus> => {
  const current = await imageStatus();
  const installed = await installedBusyboxVersion();
  // An image of this version is kept unless the busybox-static installed here is known to differ:
  // no download just to find out (setup must work offline once the image exists).
  if (!options.force && current.ok && (installed === null || current.detail === `recipe ${recipeFingerprint(installed)}`)) return current;
  const busybox = await findStaticBusybox(log);
  const fingerprint = recipeFingerprint(busybox.version);
  log(`building ${toolboxImage} from busybox-static ${busybox.version}`);
  const previousId = current.ok ? (await run("docker", ["image", "inspect", "--format", "{{.Id}}", toolboxImage], { reject: false })).stdout.trim() : "";
  const work = await mkdtemp(join(tmpdir(), "dnl-toolbox-"));
  try {
    const rootfs = join(work, "rootfs");
    for (const dir of ["bin", "sbin", "usr/bin", "usr/sbin", "etc", "tmp", "var/www", "root", "proc", "sys", "dev", "run"]) {
      await mkdir(join(rootfs, dir), { recursive: true });
    }
    await chmod(join(rootfs, "tmp"), 0o1777);
    await copyFile(busybox.path, join(rootfs, "bin", "busybox"));
    await chmod(join(rootfs, "bin", "busybox"), 0o755);
    const applets = (await runText(join(rootfs, "bin", "busybox"), ["--list-full"])).split("\n").filter(Boolean);
    const missing = requiredApplets.filter((name) => !applets.some((path) => path.endsWith(`/${name}`)));
    if (missing.length > 0) {
      throw new EnvironmentError(`busybox ${busybox.version} lacks applets the labs need: ${missing.join(", ")}`, {
        hint: "Install Debian's busybox-static (not busybox) and run setup again.",
      });
    }
    for (const path of applets) {
      if (path === "bin/busybox") continue;
      await symlink("/bin/busybox", join(rootfs, path)).catch(() => undefined);
    }
    await writeFile(join(rootfs, "etc", "passwd"), "root:x:0:0:root:/root:/bin/sh\nnobody:x:65534:65534:nobody:/:/bin/false\n");
    await writeFile(join(rootfs, "etc", "group"), "root:x:0:\nnogroup:x:65534:\n");
    await writeFile(join(rootfs, "var", "www", "index.html"), "hello from docker-net-lab\n");
    const tarball = join(work, "rootfs.tar");
    await run("tar", ["-C", rootfs, "-cf", tarball, "."], { timeout: timeouts.build });
    await run(
      "docker",
      [
        "import",
        "--change",
        'CMD ["/bin/sh"]',
        "--change",
        "ENV PATH=/usr/sbin:/usr/bin:/sbin:/bin",
        // Not the owner label: containers inherit image labels, and a user's own container run from this
        // image must never look like one of ours to `clean`.
        "--change",
        `LABEL io.docker-net-lab.image=toolbox ${recipeLabel}=${fingerprint} io.docker-net-lab.version=${packageVersion}`,
        "--message",
        `docker-net-lab toolbox: busybox-static ${busybox.version}`,
        tarball,
        toolboxImage,
      ],
      { timeout: timeouts.build },
    ).catch((cause: unknown) => {
      const text = String((cause as { stderr?: string }).stderr ?? cause);
      if (/no space left on device/i.test(text)) {
        throw new EnvironmentError("The disk is full: the toolbox image could not be written.", {
          hint: "Free some disk space (e.g. `docker system df`), then run `npx docker-net-lab setup` again.",
          cause,
        });
      }
      throw cause;
    });
  } finally {
    await rm(work, { recursive: true, force: true });
  }
  // The outdated image lost its tag: remove it unless a container still uses it.
  if (previousId) await run("docker", ["image", "rm", previousId], { reject: false });
  log(`built ${toolboxImage}`);
  return imageStatus();
};
