/* Draws the report's charts: each div.chart[data-chart] gets the ECharts option at that index of the JSON in
   #baton-chart-options. Tooltips escape everything they show: names come from report.json. */
(function () {
  'use strict';
  var holder = document.getElementById('baton-chart-options');
  if (!holder || typeof echarts === 'undefined') {
    return;
  }
  var options = JSON.parse(holder.textContent);
  var entities = {'&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;'};
  function esc(text) {
    return String(text).replace(/[&<>"']/g, function (c) { return entities[c]; });
  }
  function number(value) {
    return typeof value === 'number' ? String(Math.round(value * 1000) / 1000) : esc(value);
  }
  function itemTip(p) {
    if (p.data && p.data.tip) {
      return esc(p.data.tip).replace(/\n/g, '<br/>');
    }
    return esc(p.seriesName) + (p.name ? ': ' + esc(p.name) : '');
  }
  function axisTip(params) {
    if (!params.length) {
      return '';
    }
    var out = 'iteration ' + number(params[0].value[0]);
    params.forEach(function (p) {
      var average = String(p.seriesId).slice(-'|average'.length) === '|average';
      out += '<br/>' + p.marker + esc(p.seriesName) + (average ? ' (moving average)' : '') + ': ' + number(p.value[1]);
    });
    return out;
  }
  /* ECharts 5.3's own hideOverlap lets colliding labels through where it misjudges their height (below), so each chart
     gets a labelLayout callback that does the same job: labels are offered in series order, most important
     first; one that would overlap a label already kept is shrunk to nothing, and its point keeps its tooltip.
     ECharts calls the callback for every label in one synchronous pass per layout (zooming lays out again). */
  function hideOverlaps() {
    var kept = [];
    var passEnds = false;
    return function (params) {
      if (!passEnds) {
        passEnds = true;
        Promise.resolve().then(function () { kept = []; passEnds = false; });
      }
      // ECharts estimates a label's height from the width of a CJK glyph; without such a font (a bare Linux)
      // that comes out at 4 px, so the height is taken as at least one 14 px line around the label's middle.
      var height = Math.max(params.labelRect.height, 14);
      var r = {x: params.labelRect.x, width: params.labelRect.width, height: height,
               y: params.labelRect.y + params.labelRect.height / 2 - height / 2};
      for (var i = 0; i < kept.length; i++) {
        var k = kept[i];
        if (r.x < k.x + k.width + 2 && k.x < r.x + r.width + 2 && r.y < k.y + k.height + 1 && k.y < r.y + r.height + 1) {
          return {fontSize: 0};
        }
      }
      kept.push(r);
      return {};
    };
  }
  var charts = [];
  Array.prototype.forEach.call(document.querySelectorAll('div.chart[data-chart]'), function (element) {
    var option = options[Number(element.getAttribute('data-chart'))];
    option.tooltip = option.tooltip || {};
    option.tooltip.formatter = option.tooltip.trigger === 'axis' ? axisTip : itemTip;
    var layout = hideOverlaps();
    (option.series || []).forEach(function (series) {
      if (series.labelLayout && series.labelLayout.hideOverlap) {
        series.labelLayout = layout;
      }
    });
    // SVG keeps labels crisp when zoomed and lets a test read where each label landed.
    var chart = echarts.init(element, null, {renderer: 'svg'});
    chart.setOption(option);
    charts.push(chart);
  });
  window.batonCharts = charts;
  window.addEventListener('resize', function () {
    charts.forEach(function (chart) { chart.resize(); });
  });
})();
