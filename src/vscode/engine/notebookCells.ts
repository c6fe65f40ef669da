/**
 * A notebook cell's neighbours, for the document analyzer: the Python code of the cells above a cell (the
 * engine fills the cell's open names from it, see core/project/earlierCells.ts) and the cells below it
 * (analysed again when it changes).
 */
import * as vscode from 'vscode';

function cellsAround(doc: vscode.TextDocument): { cells: readonly vscode.NotebookCell[]; index: number } | null {
  if (doc.uri.scheme !== 'vscode-notebook-cell') return null;
  for (const notebook of vscode.workspace.notebookDocuments) {
    const cells = notebook.getCells();
    const index = cells.findIndex((cell) => cell.document === doc);
    if (index >= 0) return { cells, index };
  }
  return null;
}

const isPythonCode = (cell: vscode.NotebookCell) => cell.kind === vscode.NotebookCellKind.Code && cell.document.languageId === 'python';

/** The code of the Python cells above `doc`, in order; undefined when `doc` is no notebook cell or is the first. */
export function earlierCellsCode(doc: vscode.TextDocument): string | undefined {
  const around = cellsAround(doc);
  if (!around) return undefined;
  // Cell magics (`%%bash`) are not Python; line magics and shell lines (`%pip`, `!ls`) are blanked.
  const code = around.cells.slice(0, around.index).filter(isPythonCode).map((cell) => cell.document.getText())
    .filter((text) => !text.trimStart().startsWith('%%'))
    .map((text) => text.replace(/^[ \t]*[%!].*$/gm, ''))
    .join('\n\n');
  return code.trim() ? code : undefined;
}

/** The cells below `doc` in its notebook (none when `doc` is no notebook cell). */
export function laterCells(doc: vscode.TextDocument): vscode.TextDocument[] {
  const around = cellsAround(doc);
  return around ? around.cells.slice(around.index + 1).filter(isPythonCode).map((cell) => cell.document) : [];
}
