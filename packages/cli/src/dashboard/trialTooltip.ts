import type { TrialColumn } from './trialTable';
import { vegaField } from './vegaField';

/** A Vega-Lite tooltip listing every column of a trial, numbers to four significant digits. */
export function trialTooltip(columns: readonly TrialColumn[]): { field: string; type: 'quantitative' | 'nominal'; title: string; format?: string }[] {
  return columns.map((c) =>
    c.numeric
      ? { field: vegaField(c.name), type: 'quantitative' as const, title: c.name, format: '.4~g' }
      : { field: vegaField(c.name), type: 'nominal' as const, title: c.name },
  );
}
