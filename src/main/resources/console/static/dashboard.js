// Draws the dashboard's charts from the figures the page carries (#chart-data); the same figures are
// printed in tables beside them. No inline script: the console's Content-Security-Policy forbids it.
(function () {
  var source = document.getElementById('chart-data');
  if (!source || typeof Chart === 'undefined') { return; }
  var data = JSON.parse(source.textContent);
  var colours = ['#1d4f91', '#a4262c', '#0b6a36', '#7a4b00', '#5c2d91', '#00707a', '#4a4a4a'];
  function draw(id, labels, series) {
    var canvas = document.getElementById(id);
    if (!canvas) { return; }
    new Chart(canvas, {
      type: 'bar',
      data: {
        labels: labels,
        datasets: data.rules.map(function (rule, i) {
          return { label: rule, data: series[i], backgroundColor: colours[i % colours.length] };
        })
      },
      options: {
        animation: false, maintainAspectRatio: false,
        scales: { x: { stacked: true }, y: { stacked: true, beginAtZero: true, ticks: { precision: 0 } } }
      }
    });
  }
  draw('weekly-chart', data.weeks, data.weekly);
  draw('monthly-chart', data.months, data.monthly);
}());
