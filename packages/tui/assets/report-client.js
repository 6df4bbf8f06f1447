// The HTML report's charts, drawn with Chart.js (inlined before this script) from the data the report
// carries in #concur-data. No request leaves the page: every script, style and figure is in the file.
(() => {
  const data = JSON.parse(document.getElementById('concur-data').textContent);
  const Chart = window.Chart;
  Chart.defaults.animation = false;
  Chart.defaults.font.family = 'system-ui, sans-serif';
  Chart.defaults.maintainAspectRatio = false;

  const PALETTE = ['#0891b2', '#c026d3', '#ca8a04', '#16a34a', '#2563eb', '#ea580c'];
  const others = data.order.filter((name) => name !== 'baseline');
  const colour = (strategy) =>
    strategy === 'baseline' ? '#6b7280' : PALETTE[Math.max(0, others.indexOf(strategy)) % PALETTE.length];
  const FAILED = '#dc2626';
  const STARTUP = '#9ca3af';
  const BLOCKED = '#f97316';
  const ms = (v) => (v >= 1000 ? `${(v / 1000).toFixed(2)} s` : `${v.toFixed(v >= 10 ? 0 : 2)} ms`);
  const canvas = (name, index) =>
    document.querySelector(
      `canvas[data-chart="${name}"]${index === undefined ? '' : `[data-index="${index}"]`}`,
    );
  const drawn = (chart, element) => {
    element.dataset.drawn = String(chart.data.datasets.reduce((n, d) => n + d.data.length, 0));
  };

  function wallChart() {
    const element = canvas('wall');
    if (!element) return;
    const labels = data.wall.map((w) => w.label);
    const chart = new Chart(element, {
      type: 'bar',
      data: {
        labels,
        datasets: [
          {
            label: 'median wall',
            data: data.wall.map((w) => w.median),
            backgroundColor: data.wall.map((w) => colour(w.strategy)),
            grouped: false,
            barPercentage: 0.8,
          },
          {
            label: '95% CI of the mean',
            data: data.wall.map((w) => (w.ci95 ? w.ci95 : null)),
            backgroundColor: 'rgba(17, 24, 39, 0.75)',
            grouped: false,
            barPercentage: 0.2,
          },
          {
            label: 'min … max',
            data: data.wall.map((w) => [w.min, w.max]),
            backgroundColor: 'rgba(17, 24, 39, 0.25)',
            grouped: false,
            barPercentage: 0.45,
          },
        ],
      },
      options: {
        indexAxis: 'y',
        // An interval of few noisy runs may reach below zero; a wall time cannot.
        scales: { x: { min: 0, title: { display: true, text: 'wall time, ms' } } },
        plugins: {
          tooltip: {
            callbacks: {
              label: (ctx) => {
                const v = ctx.raw;
                return Array.isArray(v)
                  ? `${ctx.dataset.label}: ${ms(v[0])} … ${ms(v[1])}`
                  : `${ctx.dataset.label}: ${ms(v)}`;
              },
            },
          },
        },
      },
    });
    drawn(chart, element);
  }

  function latencyChart() {
    const element = canvas('latency');
    if (!element) return;
    const { edges, series } = data.latency;
    const mids = edges.slice(0, -1).map((edge, i) => (edge + edges[i + 1]) / 2);
    const chart = new Chart(element, {
      type: 'line',
      data: {
        datasets: series.map((s) => ({
          label: s.label,
          data: s.counts.map((count, i) => ({ x: mids[i], y: count })),
          borderColor: colour(s.strategy),
          backgroundColor: colour(s.strategy),
          stepped: 'middle',
          pointRadius: 0,
          borderWidth: 2,
        })),
      },
      options: {
        scales: {
          x: {
            type: 'linear',
            beginAtZero: true,
            title: { display: true, text: `item ${data.latency.what}, ms` },
          },
          y: { beginAtZero: true, title: { display: true, text: 'items' } },
        },
      },
    });
    drawn(chart, element);
  }

  function timelineChart(view, index) {
    const element = canvas('timeline', index);
    if (!element) return;
    const q = view.quantumMs;
    const loopRow = 'engine loop';
    const labels = [...(view.inEngineLoop || view.blocked.length > 0 ? [loopRow] : []), ...view.rows];
    const inFlight = [];
    const running = [];
    const failed = [];
    for (let i = 0; i < view.itemRow.length; i += 1) {
      const start = view.itemStart[i] * q;
      const y = view.rows[view.itemRow[i]];
      const span = { x: [start, start + Math.max(view.itemDur[i], 1) * q], y };
      if (view.itemOutcome[i] !== 0) failed.push(span);
      else if (view.itemRun[i] < 0) running.push(span);
      else {
        inFlight.push(span);
        running.push({ x: [start, start + Math.max(view.itemRun[i], 1) * q], y });
      }
    }
    const chart = new Chart(element, {
      type: 'bar',
      data: {
        labels,
        datasets: [
          {
            label: 'start-up',
            data: view.startups.map(([row, s, e]) => ({
              x: [s * q, Math.max(e, s + 1) * q],
              y: view.rows[row],
            })),
            backgroundColor: STARTUP,
          },
          {
            label: 'item in flight (handed out → settled)',
            data: inFlight,
            backgroundColor: `${colour(view.strategy)}40`,
          },
          {
            label: 'item running (its service time)',
            data: running,
            backgroundColor: colour(view.strategy),
            borderColor: '#ffffff',
            borderWidth: 0.5,
          },
          { label: 'item failed', data: failed, backgroundColor: FAILED },
          {
            label: 'engine loop blocked',
            data: view.blocked.map(([s, e]) => ({ x: [s * q, e * q], y: loopRow })),
            backgroundColor: BLOCKED,
          },
        ],
      },
      options: {
        indexAxis: 'y',
        parsing: { xAxisKey: 'x', yAxisKey: 'y' },
        datasets: { bar: { grouped: false, barPercentage: 0.95, categoryPercentage: 0.9 } },
        scales: {
          x: {
            type: 'linear',
            min: 0,
            max: Math.ceil(view.wallMs),
            title: { display: true, text: 'ms since the run started' },
            ticks: { callback: (v) => Math.round(v).toLocaleString('en') },
          },
          y: { ticks: { autoSkip: false, font: { size: 10 } } },
        },
        plugins: {
          tooltip: {
            callbacks: {
              label: (ctx) => {
                const [a, b] = ctx.raw.x;
                return `${ctx.dataset.label}: ${ms(a)} → ${ms(b)} (${ms(b - a)})`;
              },
            },
          },
        },
      },
    });
    drawn(chart, element);
  }

  function sweepChart() {
    const element = canvas('sweep');
    if (!element || !data.sweep) return;
    const datasets = data.sweep.fits.flatMap((fit) => {
      const c = colour(fit.strategy);
      const measured = fit.points.map((p) => ({ x: p.concurrency, y: p.measured }));
      // Amdahl's law for as many cores as units, up to the predictions' 8× the cores: the measured points
      // beyond this machine's cores fall below it, as those units had no cores of their own.
      const top = 8 * data.sweep.cpus;
      const f = fit.fraction;
      const fitted =
        f === null
          ? []
          : Array.from({ length: 41 }, (_, i) => top ** (i / 40)).map((units) => ({
              x: units,
              y: 1 / (1 - f + f / Math.min(units, data.sweep.items)),
            }));
      const predicted = fit.predictions
        .filter((p) => Number.isFinite(p.speedup))
        .map((p) => ({ x: p.cores, y: p.speedup }));
      return [
        {
          label: `${fit.strategy} measured`,
          data: measured,
          borderColor: c,
          backgroundColor: c,
          showLine: true,
        },
        {
          label: `${fit.strategy} Amdahl fit, as many cores as units`,
          data: fitted,
          borderColor: c,
          backgroundColor: c,
          borderDash: [6, 4],
          pointRadius: 0,
          showLine: true,
        },
        {
          label: `${fit.strategy} predicted at 2× and 8× the cores (not measured)`,
          data: predicted,
          borderColor: c,
          backgroundColor: 'rgba(255,255,255,0)',
          pointStyle: 'triangle',
          pointRadius: 7,
          showLine: false,
        },
      ];
    });
    const chart = new Chart(element, {
      type: 'scatter',
      data: { datasets },
      options: {
        scales: {
          x: {
            type: 'logarithmic',
            title: { display: true, text: 'concurrency (units) · cores for the predictions' },
          },
          y: { beginAtZero: true, title: { display: true, text: 'speedup' } },
        },
      },
    });
    drawn(chart, element);
  }

  wallChart();
  latencyChart();
  data.timelines.forEach(timelineChart);
  sweepChart();
  document.body.dataset.ready = 'true';
})();
