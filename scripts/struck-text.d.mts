/** As the reader cleans text: NFKC, straight quotes. */
export function normaliseText(text: string): string;
/** Struck runs of each page (by page number), and the text set in bold, found from the PDF's drawing alone. */
export function findStruckText(path: string): Promise<{ pages: Map<number, string[]>; boldText: string }>;
