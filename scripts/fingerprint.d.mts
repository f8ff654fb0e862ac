export function codeFingerprintOf(root: string): string;
