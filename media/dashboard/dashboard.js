// The spend dashboard's webview script. It receives a DashboardModel (built and formatted by the extension,
// src/core/presentation/spend/spendDashboardModel.ts) and draws it with DOM APIs only: text goes in through textContent,
// never innerHTML, so nothing a server sent can become markup. No remote resources; strict CSP with a nonce.
// @ts-check
(function () {
  const vscode = acquireVsCodeApi();
  // el, svg and runModelLoop come from media/shared/webview.js, loaded first.
  const { el, svg, runModelLoop } = /** @type {any} */ (window).promptCostWebview;
  const SERIES_CLASSES = 6;
  const app = /** @type {HTMLElement} */ (document.getElementById('app'));

  function percent(fraction) {
    return `${(fraction * 100).toFixed(fraction >= 10 ? 0 : 1)} %`;
  }

  /** A horizontal bar: value against a limit (budget or projection). */
  function gauge(g, extra) {
    const card = el('section', { class: `card level-${g.level}`, 'aria-label': g.label });
    card.append(el('h2', {}, [g.label]));
    const figure = el('p', { class: 'figure' }, [g.valueText]);
    if (g.limitText) figure.append(el('span', { class: 'limit' }, [` of ${g.limitText} budget`]));
    card.append(figure);
    if (g.fraction !== null) {
      const width = 300;
      const bar = svg('svg', { viewBox: `0 0 ${width} 10`, preserveAspectRatio: 'none', class: 'gauge', role: 'img', 'aria-label': `${g.label}: ${percent(g.fraction)} of the budget used` });
      bar.append(svg('rect', { class: 'track', x: 0, y: 0, width, height: 10, rx: 3 }));
      bar.append(svg('rect', { class: 'fill', x: 0, y: 0, width: Math.max(1, Math.min(1, g.fraction) * width), height: 10, rx: 3 }));
      card.append(bar, el('p', { class: 'note' }, [`${percent(g.fraction)} used`]));
    } else {
      card.append(el('p', { class: 'note' }, ['No budget set']));
    }
    for (const line of extra) card.append(el('p', { class: 'note' }, [line]));
    return card;
  }

  /** Stacked bars: one per day, one colour per model; the table below carries the same numbers. */
  function chart(c) {
    const section = el('section', { class: 'card wide', 'aria-labelledby': 'chart-title' });
    section.append(el('h2', { id: 'chart-title' }, ['Spend per day, last 30 days']));
    if (c.max <= 0) {
      section.append(el('p', { class: 'note' }, ['No daily figures yet: they build up as the sources are polled (OpenAI, Anthropic and LiteLLM send their history).']));
      return section;
    }
    const width = 720, height = 200, left = 56, bottom = 22, top = 8;
    const plotW = width - left - 4, plotH = height - bottom - top;
    const step = plotW / c.days.length;
    const barW = Math.max(2, step * 0.7);
    const root = svg('svg', { viewBox: `0 0 ${width} ${height}`, class: 'chart', role: 'img', 'aria-label': `Stacked bar chart of spend per day by model over ${c.days.length} days; the highest day is ${c.maxText}. The same figures are in the table below.` });
    for (const fraction of [0, 0.5, 1]) {
      const y = top + plotH * (1 - fraction);
      root.append(svg('line', { class: 'grid', x1: left, x2: width - 4, y1: y, y2: y }));
      const label = svg('text', { class: 'axis', x: left - 6, y: y + 4, 'text-anchor': 'end' });
      label.textContent = fraction === 0 ? '$0' : fraction === 1 ? c.maxText : '';
      root.append(label);
    }
    c.days.forEach((day, i) => {
      let y = top + plotH;
      const x = left + i * step + (step - barW) / 2;
      c.series.forEach((s, k) => {
        const v = s.values[i];
        if (v <= 0) return;
        const h = (v / c.max) * plotH;
        y -= h;
        const rect = svg('rect', { class: `s${k % SERIES_CLASSES}`, x, y, width: barW, height: Math.max(0.5, h) });
        const title = svg('title');
        title.textContent = `${day} · ${s.model}`;
        rect.append(title);
        root.append(rect);
      });
      if (i % 5 === 4 || i === c.days.length - 1) {
        const t = svg('text', { class: 'axis', x: x + barW / 2, y: height - 6, 'text-anchor': 'middle' });
        t.textContent = day.slice(5);
        root.append(t);
      }
    });
    section.append(root);
    const legend = el('ul', { class: 'legend', 'aria-label': 'Models' });
    c.series.forEach((s, k) => legend.append(el('li', {}, [el('span', { class: `swatch s${k % SERIES_CLASSES}`, 'aria-hidden': 'true' }), s.model])));
    section.append(legend);

    const details = el('details', {}, [el('summary', {}, ['Data table'])]);
    const table = el('table', { 'aria-label': 'Spend per day by model' });
    const head = el('tr', {}, [el('th', { scope: 'col' }, ['Day'])]);
    for (const s of c.series) head.append(el('th', { scope: 'col' }, [s.model]));
    head.append(el('th', { scope: 'col' }, ['Total']));
    table.append(el('thead', {}, [head]));
    const body = el('tbody');
    c.days.forEach((day, i) => {
      const row = el('tr', {}, [el('th', { scope: 'row' }, [day])]);
      for (const s of c.series) row.append(el('td', { class: 'num' }, [s.texts[i]]));
      row.append(el('td', { class: 'num' }, [c.totalTexts[i]]));
      body.append(row);
    });
    table.append(body);
    details.append(table);
    section.append(details);
    return section;
  }

  function ranking(title, rows, empty) {
    const section = el('section', { class: 'card', 'aria-label': title });
    section.append(el('h2', {}, [title]));
    if (!rows.length) {
      section.append(el('p', { class: 'note' }, [empty]));
      return section;
    }
    const table = el('table');
    table.append(el('thead', {}, [el('tr', {}, [el('th', { scope: 'col' }, ['Name']), el('th', { scope: 'col' }, ['Today']), el('th', { scope: 'col' }, ['Share'])])]));
    const body = el('tbody');
    for (const r of rows) body.append(el('tr', {}, [el('td', {}, [r.name]), el('td', { class: 'num' }, [r.amount]), el('td', { class: 'num' }, [percent(r.share)])]));
    table.append(body);
    section.append(table);
    return section;
  }

  function sources(list) {
    const section = el('section', { class: 'card wide', 'aria-label': 'Sources' });
    section.append(el('h2', {}, ['Sources']));
    const table = el('table');
    table.append(el('thead', {}, [el('tr', {}, ['Source', 'Status', 'Today', 'Month to date', 'Details'].map((h) => el('th', { scope: 'col' }, [h])))]));
    const body = el('tbody');
    for (const s of list) {
      body.append(el('tr', { class: `status-${s.state}` }, [
        el('td', {}, [s.id]), el('td', {}, [s.status]), el('td', { class: 'num' }, [s.today]), el('td', { class: 'num' }, [s.monthToDate]), el('td', { class: 'detail' }, [s.detail ?? '']),
      ]));
    }
    table.append(body);
    section.append(table);
    return section;
  }

  function render(m) {
    const header = el('header', {}, [el('h1', {}, ['LLM spend'])]);
    const actions = el('div', { class: 'actions' });
    const refresh = el('button', { type: 'button' }, ['Refresh']);
    refresh.addEventListener('click', () => vscode.postMessage({ type: 'refresh' }));
    const configure = el('button', { type: 'button', class: 'secondary' }, ['Configure']);
    configure.addEventListener('click', () => vscode.postMessage({ type: 'configure' }));
    actions.append(refresh, configure);
    header.append(actions);
    const status = el('p', { id: 'status', class: `state-${m.state}` }, [m.statusText]);
    if (m.updatedText) status.append(el('span', { class: 'note' }, [` · ${m.updatedText}`]));

    const cards = el('div', { class: 'grid' });
    if (m.state === 'hidden') {
      cards.append(el('section', { class: 'card wide' }, [el('p', {}, ['Enable a source in the setting promptCost.spend.sources (tracker, openai, anthropic, litellm, openrouter), then run "Prompt Cost: Set Spend API Key".'])]));
    } else {
      if (m.today) cards.append(gauge(m.today, m.perRequestLimitText ? [`Per-request limit ${m.perRequestLimitText}`] : []));
      if (m.month) cards.append(gauge(m.month, m.projectionText ? [`Projected month ${m.projectionText}`] : []));
      cards.append(chart(m.chart));
      cards.append(ranking('Top models today', m.topModels, 'No per-model figures from the sources.'));
      cards.append(ranking('Top endpoints today', m.topEndpoints, 'Endpoints come from the tracker\'s /summary.'));
      cards.append(sources(m.sources));
    }
    app.replaceChildren(header, status, cards);
    app.setAttribute('aria-busy', 'false');
  }

  runModelLoop(vscode, render);
})();
