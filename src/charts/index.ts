/** Charts: pure functions from report figures to accessible, self-contained SVG markup. */
export { type ChartOptions, CHART_CLASS, FONT_FAMILY, renderChart, suppressedText } from './render.ts';
export { groupColour, GROUP_COLOURS, DIVERGING_5, NPS_COLOURS, divergingColours } from './palette.ts';
export { textWidth, wrapText } from './text.ts';
export { scoreBars, scoreBarsSummary, type ScoreBarsInput } from './score-bars.ts';
export { distributionBars, distributionBarsSummary, divergingSegments, type DistributionBarsInput } from './distribution-bars.ts';
export {
  importancePerformance,
  importancePerformanceSummary,
  quadrantOf,
  type ImportancePerformanceInput,
} from './importance-performance.ts';
export { trendLines, trendLinesSummary, type TrendLinesInput } from './trend-lines.ts';
export { groupProfile, groupProfileSummary, type GroupProfileInput } from './group-profile.ts';
export { npsBar, npsBarSummary, formatNps, type NpsBarInput } from './nps-bar.ts';
