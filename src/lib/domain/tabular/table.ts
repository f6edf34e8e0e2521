// The shape every tabular export and import speaks: a header row and rows of cells.
// Pages build one from what a list shows; the CSV and XLSX writers and readers take it.

export type Cell = string | number | null;

export interface Table {
	headers: string[];
	rows: Cell[][];
}
