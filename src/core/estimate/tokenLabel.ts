/**
 * How a token figure is written everywhere (CLI table, CodeLens, hover): "≈" marks an estimate, a
 * template shows its static count, its number of variables and the typical total.
 */
export interface TokenFigure {
  exact: boolean;
  inputTokens: number;
  staticTokens: number;
  /** Number of distinct value placeholders (control blocks excluded). */
  variables: number;
}

const integer = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });

export function formatTokenCount(n: number): string {
  return integer.format(n);
}

/** `312 tokens`, `≈ 312 tokens`, `118 tokens + 3 vars (~430)`. */
export function tokenLabel(figure: TokenFigure, unit = 'tokens'): string {
  const approx = figure.exact ? '' : '≈ ';
  if (figure.variables === 0) return `${approx}${formatTokenCount(figure.inputTokens)} ${unit}`;
  const vars = `${figure.variables} var${figure.variables === 1 ? '' : 's'}`;
  return `${approx}${formatTokenCount(figure.staticTokens)} ${unit} + ${vars} (~${formatTokenCount(figure.inputTokens)})`;
}
