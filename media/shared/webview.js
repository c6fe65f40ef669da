// Helpers both webviews share (loaded before each panel's own script, same nonce): DOM building that puts
// text in through textContent / append only, never innerHTML, and the loop that draws each model the
// extension sends. Exposed as window.promptCostWebview; acquireVsCodeApi stays with the panel's script
// (it may be called only once per webview).
// @ts-check
(function () {
  const SVG = 'http://www.w3.org/2000/svg';

  /** @param {string} tag @param {Record<string, string>} [attrs] @param {(Node|string)[]} [children] */
  function el(tag, attrs = {}, children = []) {
    const node = document.createElement(tag);
    for (const [name, value] of Object.entries(attrs)) node.setAttribute(name, value);
    for (const child of children) node.append(child);
    return node;
  }

  /** @param {string} tag @param {Record<string, string|number>} [attrs] */
  function svg(tag, attrs = {}) {
    const node = document.createElementNS(SVG, tag);
    for (const [name, value] of Object.entries(attrs)) node.setAttribute(name, String(value));
    return node;
  }

  /**
   * Draws every `model` message, keeps it as the webview state (redrawn when the panel comes back) and
   * acknowledges it with `rendered`; then tells the extension the script is `ready`.
   * @param {{ postMessage(message: unknown): void, getState(): unknown, setState(state: unknown): void }} vscode
   * @param {(model: any) => void} render
   */
  function runModelLoop(vscode, render) {
    window.addEventListener('message', (event) => {
      const message = event.data;
      if (message && message.type === 'model') {
        render(message.model);
        vscode.setState(message.model);
        vscode.postMessage({ type: 'rendered' });
      }
    });
    const saved = vscode.getState();
    if (saved) render(saved);
    vscode.postMessage({ type: 'ready' });
  }

  /** @type {any} */ (window).promptCostWebview = { el, svg, runModelLoop };
})();
