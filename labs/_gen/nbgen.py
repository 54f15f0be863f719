"""Tiny notebook builder shared by the lab generators (run with /usr/bin/python3, which has nbformat)."""
import json
import nbformat
from nbformat.v4 import new_notebook, new_markdown_cell, new_code_cell


class Book:
    def __init__(self, lab):
        self.lab, self.cells, self.sol = lab, [], {}

    def md(self, id, text):
        self.cells.append(new_markdown_cell(text.strip("\n"), id=id))

    def code(self, id, text, tags=None, solution=None):
        cell = new_code_cell(text.strip("\n"), id=id)
        if tags:
            cell.metadata["tags"] = tags
        self.cells.append(cell)
        if solution is not None:
            self.sol[id] = solution.strip("\n")

    def write(self, folder):
        nb = new_notebook(cells=self.cells)
        nb.nbformat, nb.nbformat_minor = 4, 5
        nb.metadata = {
            "kernelspec": {"name": "docker-net-lab", "display_name": "TypeScript (docker-net-lab)", "language": "typescript"},
            "language_info": {"name": "typescript", "file_extension": ".ts", "mimetype": "text/typescript", "codemirror_mode": {"name": "javascript", "typescript": True}},
            "docker-net-lab": {"lab": self.lab},
        }
        nbformat.validate(nb)
        nbformat.write(nb, f"{folder}/lab.ipynb")
        with open(f"{folder}/solutions.json", "w") as handle:
            json.dump(self.sol, handle, indent=2, ensure_ascii=False)
            handle.write("\n")
        print("wrote", folder, len(self.cells), "cells,", len(self.sol), "solutions")
