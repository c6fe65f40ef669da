// The Simulate Monthly Cost webview. It receives a SimulationViewModel (built and formatted by the extension,
// src/core/presentation/simulatePanel/simulationViewModel.ts) and lays it out with DOM APIs only: text goes in through
// textContent, never innerHTML. Edits are posted to the extension, which recomputes with the core and sends
// a new model: no cost arithmetic happens here. No remote resources; strict CSP with a nonce.
// @ts-check
(function () {
  const vscode = acquireVsCodeApi();
  // el, svg and runModelLoop come from media/shared/webview.js, loaded first.
  const { el, svg, runModelLoop } = /** @type {any} */ (window).promptCostWebview;
  const SERIES_CLASSES = 6;
  const app = /** @type {HTMLElement} */ (document.getElementById('app'));

  // ── The inputs: built once, then only their values change, so focus and typing survive a re-render ──
  /** @type {Map<string, HTMLInputElement>} */
  const inputs = new Map();
  let form = /** @type {HTMLElement | null} */ (null);
  let suggestions = /** @type {HTMLElement | null} */ (null);

  function buildForm(fields) {
    const section = el('section', { class: 'card inputs', 'aria-labelledby': 'inputs-title' });
    section.append(el('h2', { id: 'inputs-title' }, ['Inputs']));
    const grid = el('div', { class: 'fields' });
    suggestions = el('datalist', { id: 'model-suggestions' });
    for (const f of fields) {
      const id = `field-${f.id}`;
      const input = /** @type {HTMLInputElement} */ (el('input', {
        id,
        name: f.id,
        'aria-describedby': `${id}-help`,
        ...(f.unit === 'model' ? { type: 'text', list: 'model-suggestions', autocomplete: 'off', spellcheck: 'false' } : { type: 'number', inputmode: 'decimal' }),
        ...(f.min !== undefined ? { min: String(f.min) } : {}),
        ...(f.max !== undefined ? { max: String(f.max) } : {}),
        ...(f.step !== undefined ? { step: String(f.step) } : {}),
      }));
      input.addEventListener('change', () => vscode.postMessage({ type: 'edit', field: f.id, value: input.value }));
      inputs.set(f.id, input);
      grid.append(el('div', { class: 'field' }, [el('label', { for: id }, [f.label]), input, el('p', { id: `${id}-help`, class: 'help' }, [f.help])]));
    }
    section.append(grid, suggestions);
    return section;
  }

  function updateForm(m) {
    for (const f of m.fields) {
      const input = inputs.get(f.id);
      if (input && document.activeElement !== input) input.value = f.value;
      if (input) input.removeAttribute('aria-invalid');
    }
    if (m.error) {
      const match = m.fields.find((f) => m.error.startsWith(f.label));
      const input = match && inputs.get(match.id);
      if (input) input.setAttribute('aria-invalid', 'true');
    }
    if (suggestions) suggestions.replaceChildren(...m.modelSuggestions.map((id) => el('option', { value: id })));
  }

  // ── The chart: one line per priced model over the projection, the budget as a dashed line ──────────
  function chart(c) {
    const section = el('section', { class: 'card wide', 'aria-labelledby': 'chart-title' });
    section.append(el('h2', { id: 'chart-title' }, [`Monthly cost over ${c.months.length} months`]));
    if (!c.series.length) {
      section.append(el('p', { class: 'note' }, ['No model here has a price: nothing to draw.']));
      return section;
    }
    const width = 520, height = 230, left = 56, right = 8, bottom = 22, top = 10;
    const plotW = width - left - right, plotH = height - bottom - top;
    const x = (i) => left + (c.months.length > 1 ? (i / (c.months.length - 1)) * plotW : plotW / 2);
    const y = (f) => top + plotH * (1 - Math.min(1, Math.max(0, f)));
    const root = svg('svg', { viewBox: `0 0 ${width} ${height}`, class: 'chart', role: 'img', 'aria-label': `${c.summary} The same figures are in the tables below.` });
    for (const t of c.ticks) {
      root.append(svg('line', { class: 'grid', x1: left, x2: width - right, y1: y(t.fraction), y2: y(t.fraction) }));
      const label = svg('text', { class: 'axis', x: left - 6, y: y(t.fraction) + 4, 'text-anchor': 'end' });
      label.textContent = t.text;
      root.append(label);
    }
    c.months.forEach((month, i) => {
      const label = svg('text', { class: 'axis', x: x(i), y: height - 6, 'text-anchor': 'middle' });
      label.textContent = month;
      root.append(label);
    });
    if (c.budget) {
      const by = y(c.budget.fraction);
      root.append(svg('line', { class: 'budget', x1: left, x2: width - right, y1: by, y2: by }));
      const label = svg('text', { class: 'budget-label', x: width - right - 4, y: by - 5, 'text-anchor': 'end' });
      label.textContent = c.budget.text;
      root.append(label);
    }
    c.series.forEach((s, k) => {
      const cls = `s${k % SERIES_CLASSES}${s.current ? ' current' : ''}`;
      root.append(svg('polyline', { class: `line ${cls}`, points: s.fractions.map((f, i) => `${x(i)},${y(f)}`).join(' ') }));
      s.fractions.forEach((f, i) => {
        const dot = svg('circle', { class: `dot ${cls}`, cx: x(i), cy: y(f), r: s.current ? 3.5 : 2.5 });
        const title = svg('title');
        title.textContent = s.labels[i];
        dot.append(title);
        root.append(dot);
      });
    });
    section.append(root);
    const legend = el('ul', { class: 'legend', 'aria-label': 'Models in the chart' });
    c.series.forEach((s, k) => legend.append(el('li', {}, [el('span', { class: `swatch s${k % SERIES_CLASSES}`, 'aria-hidden': 'true' }), s.current ? `${s.model} (current)` : s.model])));
    if (c.budget) legend.append(el('li', {}, [el('span', { class: 'swatch budget-swatch', 'aria-hidden': 'true' }), 'Budget']));
    section.append(legend);
    if (c.unpriced.length) section.append(el('p', { class: 'note' }, [`Not drawn (no price): ${c.unpriced.join(', ')}`]));

    const details = el('details', {}, [el('summary', {}, ['Projection table'])]);
    details.append(el('div', { class: 'table-wrap' }, [projectionTable(currentModel)]));
    section.append(details);
    return section;
  }

  let currentModel = /** @type {any} */ (null);

  function projectionTable(m) {
    const table = el('table', { 'aria-label': `Monthly cost per model, months 1 to ${m.projectionMonths}` });
    table.append(el('thead', {}, [el('tr', {}, m.projectionHeader.map((h) => el('th', { scope: 'col' }, [h])))]));
    const body = el('tbody');
    for (const row of m.projectionRows) {
      body.append(el('tr', {}, row.map((cell, c) => (c === 0 ? el('th', { scope: 'row' }, [cell]) : el('td', { class: 'num' }, [cell])))));
    }
    table.append(body);
    return table;
  }

  function modelsTable(m) {
    const section = el('section', { class: 'card wide', 'aria-labelledby': 'models-title' });
    section.append(el('h2', { id: 'models-title' }, ['Models side by side']));
    const table = el('table', { id: 'models-table' });
    table.append(el('caption', { class: 'visually-hidden' }, ['Monthly cost per model, first month and whole projection; tick the models you would accept instead.']));
    const headers = ['Model', '$/request', 'Requests/month', '$/month', `${m.projectionMonths}-month total`, 'Budget', 'Acceptable'];
    table.append(el('thead', {}, [el('tr', {}, headers.map((h) => el('th', { scope: 'col' }, [h])))]));
    const body = el('tbody');
    for (const r of m.rows) {
      const name = el('th', { scope: 'row' }, [r.model]);
      if (r.current) name.append(el('span', { class: 'tag' }, [' current']));
      if (r.cheapestAcceptable) name.append(el('span', { class: 'tag saving' }, [' cheapest acceptable']));
      const accept = el('td', { class: 'center' });
      if (r.canAccept) {
        const box = /** @type {HTMLInputElement} */ (el('input', { type: 'checkbox', 'aria-label': `Accept ${r.model} instead of the current model` }));
        box.checked = r.acceptable;
        box.addEventListener('change', () => vscode.postMessage({ type: 'accept', model: r.model, accepted: box.checked }));
        accept.append(box);
      } else {
        accept.append(el('span', { class: 'note' }, ['—']));
      }
      body.append(el('tr', { class: `${r.current ? 'current' : ''}${r.overBudget ? ' over' : ''}`.trim() }, [
        name,
        el('td', { class: 'num' }, [r.costPerRequest]),
        el('td', { class: 'num' }, [r.requestsPerMonth]),
        el('td', { class: 'num strong' }, [r.monthly]),
        el('td', { class: 'num' }, [r.projectionTotal]),
        el('td', { class: 'num' }, [r.budget]),
        accept,
      ]));
    }
    table.append(body);
    section.append(el('div', { class: 'table-wrap' }, [table]));
    return section;
  }

  function render(m) {
    currentModel = m;
    if (!form) {
      const copy = el('button', { type: 'button', id: 'copy-markdown' }, ['Copy Markdown']);
      copy.addEventListener('click', () => vscode.postMessage({ type: 'copyMarkdown' }));
      const header = el('header', {}, [el('div', {}, [el('h1', {}, ['Monthly cost simulation']), el('p', { id: 'subject', class: 'subject' })]), el('div', { class: 'actions' }, [copy])]);
      const source = el('p', { id: 'source', class: 'note' });
      const error = el('p', { id: 'error', role: 'alert', class: 'error' });
      form = buildForm(m.fields);
      const results = el('div', { id: 'results', 'aria-live': 'polite' });
      // Wide panels: inputs in a column beside the figures; narrow ones: stacked (see simulate.css).
      app.replaceChildren(header, source, error, el('div', { class: 'layout' }, [form, results]));
    }
    /** @type {HTMLElement} */ (document.getElementById('subject')).textContent = m.title;
    /** @type {HTMLElement} */ (document.getElementById('source')).textContent = m.source;
    /** @type {HTMLElement} */ (document.getElementById('error')).textContent = m.error ?? '';
    updateForm(m);
    const results = /** @type {HTMLElement} */ (document.getElementById('results'));
    const parts = [];
    if (m.rows.length) {
      const summary = el('section', { class: 'card wide summary', 'aria-label': 'Budget and saving' });
      if (m.budgetText) summary.append(el('p', { id: 'budget-text' }, [m.budgetText]));
      if (m.savingText) summary.append(el('p', { id: 'saving-text' }, [m.savingText]));
      parts.push(summary, modelsTable(m));
      if (m.chart) parts.push(chart(m.chart));
      if (m.notes.length) parts.push(el('section', { class: 'card wide', 'aria-label': 'Notes' }, [el('h2', {}, ['Notes']), el('ul', {}, m.notes.map((n) => el('li', {}, [n])))]));
    }
    results.replaceChildren(...parts);
    app.setAttribute('aria-busy', 'false');
  }

  runModelLoop(vscode, render);
})();
