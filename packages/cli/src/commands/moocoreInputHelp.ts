/** The input and option conventions the point-set commands share with moocore's tools, for their --help. */
export function moocoreInputHelp(withReference: boolean): string {
  return [
    '  Input: whitespace-separated numbers, one point per line. A blank line or a line starting with #',
    '  ends a point set, and each set gets its own result; with no file, or with -, standard input.',
    ...(withReference ? ['  -r, --reference <point>  the reference point, "10 10" or 10,10'] : []),
    '  -o, --obj <+|-...>       maximise (+) or minimise (-) each objective, e.g. -o -+',
    '      --maximise           maximise every objective (also --maximize)',
    '  -u, --union              treat all sets of a file as one set',
    "  -q, --quiet              accepted for moocore's scripts (only results are printed anyway)",
    '      --json               print one JSON document instead (one array per set, numbers as JSON numbers)',
  ].join('\n');
}
