// Money is integer fen on the wire and yuan on screen (¥ with two decimals).

const YUAN = new Intl.NumberFormat('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

export function formatFen(fen: number): string {
  return `¥${YUAN.format(fen / 100)}`;
}

export function yuanToFen(yuan: number): number {
  return Math.round(yuan * 100);
}

export function fenToYuan(fen: number): number {
  return fen / 100;
}
