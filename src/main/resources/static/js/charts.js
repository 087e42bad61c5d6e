// Draws the bar charts whose data the page puts in a data-chart attribute (no inline script under the CSP).
document.addEventListener('DOMContentLoaded', function () {
  document.querySelectorAll('[data-chart]').forEach(function (el) {
    if (typeof echarts === 'undefined') { return; }
    var data = JSON.parse(el.getAttribute('data-chart'));
    var chart = echarts.init(el);
    chart.setOption({
      tooltip: {},
      grid: { left: 8, right: 16, bottom: 8, top: 36, containLabel: true },
      xAxis: { type: 'category', data: data.map(function (d) { return d.name; }), axisLabel: { rotate: 30 } },
      // the unit the page names (data-unit); amounts in 元 otherwise
      yAxis: { type: 'value', name: el.getAttribute('data-unit') || '元' },
      series: [{ type: 'bar', data: data.map(function (d) { return Number(d.value); }), itemStyle: { color: '#b3261e' } }]
    });
  });
});
