/**
 * The chart style sheet. The site imports src/charts/charts.css (the same text;
 * a test keeps the two equal); standalone SVG or HTML downloads can inline this.
 * It never sets `fill` on text: labels on dark bars carry their own colour.
 */
export const chartCss = `/* Charts: the root <svg> of every chart carries class="luotain-chart". */
.luotain-chart {
  display: block;
  max-width: 100%;
  height: auto;
  overflow: visible;
  font-family: 'Inter', sans-serif;
  -webkit-print-color-adjust: exact;
  print-color-adjust: exact;
}
.luotain-chart text,
.luotain-chart tspan {
  font-family: 'Inter', sans-serif;
  white-space: pre;
}
`;
