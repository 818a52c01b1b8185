
using namespace System.Management.Automation
using namespace System.Management.Automation.Language

Register-ArgumentCompleter -Native -CommandName 'govops' -ScriptBlock {
    param($wordToComplete, $commandAst, $cursorPosition)

    $commandElements = $commandAst.CommandElements
    $command = @(
        'govops'
        for ($i = 1; $i -lt $commandElements.Count; $i++) {
            $element = $commandElements[$i]
            if ($element -isnot [StringConstantExpressionAst] -or
                $element.StringConstantType -ne [StringConstantType]::BareWord -or
                $element.Value.StartsWith('-') -or
                $element.Value -eq $wordToComplete) {
                break
        }
        $element.Value
    }) -join ';'

    $completions = @(switch ($command) {
        'govops' {
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'Profile to use: a name (./profiles/NAME.yaml, the user config dir, built-in) or a path')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile to use: a name (./profiles/NAME.yaml, the user config dir, built-in) or a path')
            [CompletionResult]::new('-f', '-f', [CompletionResultType]::ParameterName, 'Output format [default: from the -o extension, else table on a terminal, json otherwise]')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format [default: from the -o extension, else table on a terminal, json otherwise]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Write the report to FILE (atomically; never an input); `-` is stdout. The extension (.json .csv .sarif .xml .md .html) chooses the format unless -f is given')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Write the report to FILE (atomically; never an input); `-` is stdout. The extension (.json .csv .sarif .xml .md .html) chooses the format unless -f is given')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR in the environment means never, unless `always`)')
            [CompletionResult]::new('--input-format', '--input-format', [CompletionResultType]::ParameterName, 'Input format, instead of guessing from the file extension')
            [CompletionResult]::new('--encoding', '--encoding', [CompletionResultType]::ParameterName, 'Text encoding of inputs [default: auto: UTF-8 (with or without BOM), else GB18030]')
            [CompletionResult]::new('--lang', '--lang', [CompletionResultType]::ParameterName, 'Language of everything people read (zh: 简体中文, en: English) [default: GOVOPS_LANG, then LC_ALL, LC_MESSAGES, LANG; English otherwise]')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only the report: no notices on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only the report: no notices on stderr')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Explain what is being done on stderr')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Explain what is being done on stderr')
            [CompletionResult]::new('--no-progress', '--no-progress', [CompletionResultType]::ParameterName, 'Never draw progress bars (they only appear when stderr is a terminal anyway)')
            [CompletionResult]::new('--wide', '--wide', [CompletionResultType]::ParameterName, 'Tables: show every column at full width instead of fitting the terminal')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('audit', 'audit', [CompletionResultType]::ParameterValue, 'Audit a service catalog: duplicates, gaps, inconsistencies, field quality')
            [CompletionResult]::new('sharing', 'sharing', [CompletionResultType]::ParameterValue, 'Data-sharing health: registry checks, the sharing graph, live HTTP probes, history')
            [CompletionResult]::new('balance', 'balance', [CompletionResultType]::ParameterValue, 'Regional balance report: composite index, tiers, inequality, laggards')
            [CompletionResult]::new('monitor', 'monitor', [CompletionResultType]::ParameterValue, 'Live terminal monitor (or --once: one frame as plain text, for scripts)')
            [CompletionResult]::new('check', 'check', [CompletionResultType]::ParameterValue, 'Run everything the profile configures; one summary, one exit code (for CI)')
            [CompletionResult]::new('sample', 'sample', [CompletionResultType]::ParameterValue, 'Write realistic synthetic data on the real region hierarchy, with ground truth')
            [CompletionResult]::new('profile', 'profile', [CompletionResultType]::ParameterValue, 'List, show, validate or create profiles')
            [CompletionResult]::new('completions', 'completions', [CompletionResultType]::ParameterValue, 'Print a shell completion script to stdout')
            [CompletionResult]::new('man', 'man', [CompletionResultType]::ParameterValue, 'Write man pages (govops.1 and one per command) into a directory')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'govops;audit' {
            [CompletionResult]::new('--catalog', '--catalog', [CompletionResultType]::ParameterName, 'Service catalog (implementation list): file, - for stdin, or http(s) URL')
            [CompletionResult]::new('--baseline', '--baseline', [CompletionResultType]::ParameterName, 'Basic catalog (基本目录) the regions must implement')
            [CompletionResult]::new('--regions', '--regions', [CompletionResultType]::ParameterName, 'Region set [default: China''s built-in four-level hierarchy]')
            [CompletionResult]::new('--fail-on', '--fail-on', [CompletionResultType]::ParameterName, 'Lowest severity that makes the exit code 1')
            [CompletionResult]::new('--only', '--only', [CompletionResultType]::ParameterName, 'Run only rules whose names start with one of these prefixes (e.g. duplicate.,gap.)')
            [CompletionResult]::new('--threshold', '--threshold', [CompletionResultType]::ParameterName, 'Similarity (0..1) at which two names count as near duplicates')
            [CompletionResult]::new('--explain', '--explain', [CompletionResultType]::ParameterName, 'Explain one rule in full, then exit')
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'Profile to use: a name (./profiles/NAME.yaml, the user config dir, built-in) or a path')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile to use: a name (./profiles/NAME.yaml, the user config dir, built-in) or a path')
            [CompletionResult]::new('-f', '-f', [CompletionResultType]::ParameterName, 'Output format [default: from the -o extension, else table on a terminal, json otherwise]')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format [default: from the -o extension, else table on a terminal, json otherwise]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Write the report to FILE (atomically; never an input); `-` is stdout. The extension (.json .csv .sarif .xml .md .html) chooses the format unless -f is given')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Write the report to FILE (atomically; never an input); `-` is stdout. The extension (.json .csv .sarif .xml .md .html) chooses the format unless -f is given')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR in the environment means never, unless `always`)')
            [CompletionResult]::new('--input-format', '--input-format', [CompletionResultType]::ParameterName, 'Input format, instead of guessing from the file extension')
            [CompletionResult]::new('--encoding', '--encoding', [CompletionResultType]::ParameterName, 'Text encoding of inputs [default: auto: UTF-8 (with or without BOM), else GB18030]')
            [CompletionResult]::new('--lang', '--lang', [CompletionResultType]::ParameterName, 'Language of everything people read (zh: 简体中文, en: English) [default: GOVOPS_LANG, then LC_ALL, LC_MESSAGES, LANG; English otherwise]')
            [CompletionResult]::new('--list-rules', '--list-rules', [CompletionResultType]::ParameterName, 'List the rules with their severity and a one-line reason, then exit')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only the report: no notices on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only the report: no notices on stderr')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Explain what is being done on stderr')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Explain what is being done on stderr')
            [CompletionResult]::new('--no-progress', '--no-progress', [CompletionResultType]::ParameterName, 'Never draw progress bars (they only appear when stderr is a terminal anyway)')
            [CompletionResult]::new('--wide', '--wide', [CompletionResultType]::ParameterName, 'Tables: show every column at full width instead of fitting the terminal')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'govops;sharing' {
            [CompletionResult]::new('--registry', '--registry', [CompletionResultType]::ParameterName, 'Sharing registry (YAML with `interfaces:`, or CSV): file, - or URL')
            [CompletionResult]::new('--catalog', '--catalog', [CompletionResultType]::ParameterName, 'Service catalog, for materials coverage (which papers an interface makes unnecessary)')
            [CompletionResult]::new('--concurrency', '--concurrency', [CompletionResultType]::ParameterName, 'Probes in flight at once')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Deadline per probe, e.g. 500ms, 2s, 1m')
            [CompletionResult]::new('--deadline', '--deadline', [CompletionResultType]::ParameterName, 'Deadline for the whole probe run')
            [CompletionResult]::new('--history', '--history', [CompletionResultType]::ParameterName, 'SQLite file that keeps every probe, for availability and latency over time')
            [CompletionResult]::new('--retention', '--retention', [CompletionResultType]::ParameterName, 'With --history: delete probes older than this, e.g. 30d')
            [CompletionResult]::new('--ca-file', '--ca-file', [CompletionResultType]::ParameterName, 'PEM file of extra CA certificates (private CAs)')
            [CompletionResult]::new('--fail-on', '--fail-on', [CompletionResultType]::ParameterName, 'Lowest severity that makes the exit code 1')
            [CompletionResult]::new('--explain', '--explain', [CompletionResultType]::ParameterName, 'Explain one rule in full, then exit')
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'Profile to use: a name (./profiles/NAME.yaml, the user config dir, built-in) or a path')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile to use: a name (./profiles/NAME.yaml, the user config dir, built-in) or a path')
            [CompletionResult]::new('-f', '-f', [CompletionResultType]::ParameterName, 'Output format [default: from the -o extension, else table on a terminal, json otherwise]')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format [default: from the -o extension, else table on a terminal, json otherwise]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Write the report to FILE (atomically; never an input); `-` is stdout. The extension (.json .csv .sarif .xml .md .html) chooses the format unless -f is given')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Write the report to FILE (atomically; never an input); `-` is stdout. The extension (.json .csv .sarif .xml .md .html) chooses the format unless -f is given')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR in the environment means never, unless `always`)')
            [CompletionResult]::new('--input-format', '--input-format', [CompletionResultType]::ParameterName, 'Input format, instead of guessing from the file extension')
            [CompletionResult]::new('--encoding', '--encoding', [CompletionResultType]::ParameterName, 'Text encoding of inputs [default: auto: UTF-8 (with or without BOM), else GB18030]')
            [CompletionResult]::new('--lang', '--lang', [CompletionResultType]::ParameterName, 'Language of everything people read (zh: 简体中文, en: English) [default: GOVOPS_LANG, then LC_ALL, LC_MESSAGES, LANG; English otherwise]')
            [CompletionResult]::new('--probe', '--probe', [CompletionResultType]::ParameterName, 'Probe every interface live over HTTP(S)')
            [CompletionResult]::new('--list-rules', '--list-rules', [CompletionResultType]::ParameterName, 'List the rules with their severity and a one-line reason, then exit')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only the report: no notices on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only the report: no notices on stderr')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Explain what is being done on stderr')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Explain what is being done on stderr')
            [CompletionResult]::new('--no-progress', '--no-progress', [CompletionResultType]::ParameterName, 'Never draw progress bars (they only appear when stderr is a terminal anyway)')
            [CompletionResult]::new('--wide', '--wide', [CompletionResultType]::ParameterName, 'Tables: show every column at full width instead of fitting the terminal')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('watch', 'watch', [CompletionResultType]::ParameterValue, 'Probe every interface on its own interval until stopped; alert, record, serve /metrics')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'govops;sharing;watch' {
            [CompletionResult]::new('--registry', '--registry', [CompletionResultType]::ParameterName, 'Sharing registry (YAML with `interfaces:`, or CSV): file, - or URL')
            [CompletionResult]::new('--history', '--history', [CompletionResultType]::ParameterName, 'SQLite file to record every probe in')
            [CompletionResult]::new('--interval', '--interval', [CompletionResultType]::ParameterName, 'Interval for interfaces without their own (profile sharing.watch.intervals), e.g. 1m')
            [CompletionResult]::new('--failure-threshold', '--failure-threshold', [CompletionResultType]::ParameterName, 'Consecutive failures that raise an alert')
            [CompletionResult]::new('--success-threshold', '--success-threshold', [CompletionResultType]::ParameterName, 'Consecutive successes that clear it')
            [CompletionResult]::new('--webhook', '--webhook', [CompletionResultType]::ParameterName, 'POST every alert and recovery as JSON to this URL')
            [CompletionResult]::new('--serve', '--serve', [CompletionResultType]::ParameterName, 'Serve /metrics (OpenMetrics) and /healthz on this address, e.g. 127.0.0.1:9464')
            [CompletionResult]::new('--for', '--for', [CompletionResultType]::ParameterName, 'Stop after this long (default: run until SIGTERM or SIGINT)')
            [CompletionResult]::new('--log-format', '--log-format', [CompletionResultType]::ParameterName, 'Log lines on stderr as text or JSON')
            [CompletionResult]::new('--concurrency', '--concurrency', [CompletionResultType]::ParameterName, 'Probes in flight at once')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Deadline per probe, e.g. 500ms, 2s')
            [CompletionResult]::new('--ca-file', '--ca-file', [CompletionResultType]::ParameterName, 'PEM file of extra CA certificates (private CAs)')
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'Profile to use: a name (./profiles/NAME.yaml, the user config dir, built-in) or a path')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile to use: a name (./profiles/NAME.yaml, the user config dir, built-in) or a path')
            [CompletionResult]::new('-f', '-f', [CompletionResultType]::ParameterName, 'Output format [default: from the -o extension, else table on a terminal, json otherwise]')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format [default: from the -o extension, else table on a terminal, json otherwise]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Write the report to FILE (atomically; never an input); `-` is stdout. The extension (.json .csv .sarif .xml .md .html) chooses the format unless -f is given')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Write the report to FILE (atomically; never an input); `-` is stdout. The extension (.json .csv .sarif .xml .md .html) chooses the format unless -f is given')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR in the environment means never, unless `always`)')
            [CompletionResult]::new('--input-format', '--input-format', [CompletionResultType]::ParameterName, 'Input format, instead of guessing from the file extension')
            [CompletionResult]::new('--encoding', '--encoding', [CompletionResultType]::ParameterName, 'Text encoding of inputs [default: auto: UTF-8 (with or without BOM), else GB18030]')
            [CompletionResult]::new('--lang', '--lang', [CompletionResultType]::ParameterName, 'Language of everything people read (zh: 简体中文, en: English) [default: GOVOPS_LANG, then LC_ALL, LC_MESSAGES, LANG; English otherwise]')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only the report: no notices on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only the report: no notices on stderr')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Explain what is being done on stderr')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Explain what is being done on stderr')
            [CompletionResult]::new('--no-progress', '--no-progress', [CompletionResultType]::ParameterName, 'Never draw progress bars (they only appear when stderr is a terminal anyway)')
            [CompletionResult]::new('--wide', '--wide', [CompletionResultType]::ParameterName, 'Tables: show every column at full width instead of fitting the terminal')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'govops;sharing;help' {
            [CompletionResult]::new('watch', 'watch', [CompletionResultType]::ParameterValue, 'Probe every interface on its own interval until stopped; alert, record, serve /metrics')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'govops;sharing;help;watch' {
            break
        }
        'govops;sharing;help;help' {
            break
        }
        'govops;balance' {
            [CompletionResult]::new('--metrics', '--metrics', [CompletionResultType]::ParameterName, 'Regional metrics: region_code plus numeric indicator columns')
            [CompletionResult]::new('--catalog', '--catalog', [CompletionResultType]::ParameterName, 'Derive indicators from a service catalog instead')
            [CompletionResult]::new('--baseline', '--baseline', [CompletionResultType]::ParameterName, 'Basic catalog, for gap indicators when deriving from a catalog')
            [CompletionResult]::new('--regions', '--regions', [CompletionResultType]::ParameterName, 'Region set [default: China''s built-in four-level hierarchy]')
            [CompletionResult]::new('--level', '--level', [CompletionResultType]::ParameterName, 'Administrative level to compare')
            [CompletionResult]::new('--indicators', '--indicators', [CompletionResultType]::ParameterName, 'Indicators with optional weight and direction, e.g. online_rate=2,avg_visits:lower')
            [CompletionResult]::new('--group-by', '--group-by', [CompletionResultType]::ParameterName, 'Decompose inequality by: group, macro_region, parent, level or any column')
            [CompletionResult]::new('--weight', '--weight', [CompletionResultType]::ParameterName, 'Weight regions by a column for the weighted measures (population)')
            [CompletionResult]::new('--normalise', '--normalise', [CompletionResultType]::ParameterName, 'Normalisation of indicators before the composite index')
            [CompletionResult]::new('--permutations', '--permutations', [CompletionResultType]::ParameterName, 'Permutations for the p-value of the between-group share')
            [CompletionResult]::new('--fail-on', '--fail-on', [CompletionResultType]::ParameterName, 'Lowest severity that makes the exit code 1 (balance''s one finding is input.empty)')
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'Profile to use: a name (./profiles/NAME.yaml, the user config dir, built-in) or a path')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile to use: a name (./profiles/NAME.yaml, the user config dir, built-in) or a path')
            [CompletionResult]::new('-f', '-f', [CompletionResultType]::ParameterName, 'Output format [default: from the -o extension, else table on a terminal, json otherwise]')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format [default: from the -o extension, else table on a terminal, json otherwise]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Write the report to FILE (atomically; never an input); `-` is stdout. The extension (.json .csv .sarif .xml .md .html) chooses the format unless -f is given')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Write the report to FILE (atomically; never an input); `-` is stdout. The extension (.json .csv .sarif .xml .md .html) chooses the format unless -f is given')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR in the environment means never, unless `always`)')
            [CompletionResult]::new('--input-format', '--input-format', [CompletionResultType]::ParameterName, 'Input format, instead of guessing from the file extension')
            [CompletionResult]::new('--encoding', '--encoding', [CompletionResultType]::ParameterName, 'Text encoding of inputs [default: auto: UTF-8 (with or without BOM), else GB18030]')
            [CompletionResult]::new('--lang', '--lang', [CompletionResultType]::ParameterName, 'Language of everything people read (zh: 简体中文, en: English) [default: GOVOPS_LANG, then LC_ALL, LC_MESSAGES, LANG; English otherwise]')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only the report: no notices on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only the report: no notices on stderr')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Explain what is being done on stderr')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Explain what is being done on stderr')
            [CompletionResult]::new('--no-progress', '--no-progress', [CompletionResultType]::ParameterName, 'Never draw progress bars (they only appear when stderr is a terminal anyway)')
            [CompletionResult]::new('--wide', '--wide', [CompletionResultType]::ParameterName, 'Tables: show every column at full width instead of fitting the terminal')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'govops;monitor' {
            [CompletionResult]::new('--events', '--events', [CompletionResultType]::ParameterName, 'Event stream (JSON Lines): file (followed like tail -f), - for stdin, or http(s) URL')
            [CompletionResult]::new('--registry', '--registry', [CompletionResultType]::ParameterName, 'Sharing registry whose interfaces to probe and show')
            [CompletionResult]::new('--refresh', '--refresh', [CompletionResultType]::ParameterName, 'Screen refresh and probe interval, e.g. 1s, 500ms')
            [CompletionResult]::new('--size', '--size', [CompletionResultType]::ParameterName, 'Frame size for --once, WIDTHxHEIGHT')
            [CompletionResult]::new('--explain', '--explain', [CompletionResultType]::ParameterName, 'Explain one rule in full, then exit')
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'Profile to use: a name (./profiles/NAME.yaml, the user config dir, built-in) or a path')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile to use: a name (./profiles/NAME.yaml, the user config dir, built-in) or a path')
            [CompletionResult]::new('-f', '-f', [CompletionResultType]::ParameterName, 'Output format [default: from the -o extension, else table on a terminal, json otherwise]')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format [default: from the -o extension, else table on a terminal, json otherwise]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Write the report to FILE (atomically; never an input); `-` is stdout. The extension (.json .csv .sarif .xml .md .html) chooses the format unless -f is given')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Write the report to FILE (atomically; never an input); `-` is stdout. The extension (.json .csv .sarif .xml .md .html) chooses the format unless -f is given')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR in the environment means never, unless `always`)')
            [CompletionResult]::new('--input-format', '--input-format', [CompletionResultType]::ParameterName, 'Input format, instead of guessing from the file extension')
            [CompletionResult]::new('--encoding', '--encoding', [CompletionResultType]::ParameterName, 'Text encoding of inputs [default: auto: UTF-8 (with or without BOM), else GB18030]')
            [CompletionResult]::new('--lang', '--lang', [CompletionResultType]::ParameterName, 'Language of everything people read (zh: 简体中文, en: English) [default: GOVOPS_LANG, then LC_ALL, LC_MESSAGES, LANG; English otherwise]')
            [CompletionResult]::new('--once', '--once', [CompletionResultType]::ParameterName, 'Ingest what is available now, print one frame (or the state with -f json) and exit')
            [CompletionResult]::new('--list-rules', '--list-rules', [CompletionResultType]::ParameterName, 'List the rules `check` judges the case stream by, then exit')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only the report: no notices on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only the report: no notices on stderr')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Explain what is being done on stderr')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Explain what is being done on stderr')
            [CompletionResult]::new('--no-progress', '--no-progress', [CompletionResultType]::ParameterName, 'Never draw progress bars (they only appear when stderr is a terminal anyway)')
            [CompletionResult]::new('--wide', '--wide', [CompletionResultType]::ParameterName, 'Tables: show every column at full width instead of fitting the terminal')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'govops;check' {
            [CompletionResult]::new('--fail-on', '--fail-on', [CompletionResultType]::ParameterName, 'Lowest severity that makes the exit code 1')
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'Profile to use: a name (./profiles/NAME.yaml, the user config dir, built-in) or a path')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile to use: a name (./profiles/NAME.yaml, the user config dir, built-in) or a path')
            [CompletionResult]::new('-f', '-f', [CompletionResultType]::ParameterName, 'Output format [default: from the -o extension, else table on a terminal, json otherwise]')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format [default: from the -o extension, else table on a terminal, json otherwise]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Write the report to FILE (atomically; never an input); `-` is stdout. The extension (.json .csv .sarif .xml .md .html) chooses the format unless -f is given')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Write the report to FILE (atomically; never an input); `-` is stdout. The extension (.json .csv .sarif .xml .md .html) chooses the format unless -f is given')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR in the environment means never, unless `always`)')
            [CompletionResult]::new('--input-format', '--input-format', [CompletionResultType]::ParameterName, 'Input format, instead of guessing from the file extension')
            [CompletionResult]::new('--encoding', '--encoding', [CompletionResultType]::ParameterName, 'Text encoding of inputs [default: auto: UTF-8 (with or without BOM), else GB18030]')
            [CompletionResult]::new('--lang', '--lang', [CompletionResultType]::ParameterName, 'Language of everything people read (zh: 简体中文, en: English) [default: GOVOPS_LANG, then LC_ALL, LC_MESSAGES, LANG; English otherwise]')
            [CompletionResult]::new('--no-probe', '--no-probe', [CompletionResultType]::ParameterName, 'Skip live probes even if the profile asks for them')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only the report: no notices on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only the report: no notices on stderr')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Explain what is being done on stderr')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Explain what is being done on stderr')
            [CompletionResult]::new('--no-progress', '--no-progress', [CompletionResultType]::ParameterName, 'Never draw progress bars (they only appear when stderr is a terminal anyway)')
            [CompletionResult]::new('--wide', '--wide', [CompletionResultType]::ParameterName, 'Tables: show every column at full width instead of fitting the terminal')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'govops;sample' {
            [CompletionResult]::new('--scale', '--scale', [CompletionResultType]::ParameterName, 'How much to generate: demo (one province in detail), province, or national (~10 M rows)')
            [CompletionResult]::new('--seed', '--seed', [CompletionResultType]::ParameterName, 'Random seed; the same seed always gives the same files')
            [CompletionResult]::new('--out', '--out', [CompletionResultType]::ParameterName, 'Directory to write catalog.csv, baseline.csv, sharing.yaml, metrics.csv, events.jsonl, truth.json')
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'Profile to use: a name (./profiles/NAME.yaml, the user config dir, built-in) or a path')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile to use: a name (./profiles/NAME.yaml, the user config dir, built-in) or a path')
            [CompletionResult]::new('-f', '-f', [CompletionResultType]::ParameterName, 'Output format [default: from the -o extension, else table on a terminal, json otherwise]')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format [default: from the -o extension, else table on a terminal, json otherwise]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Write the report to FILE (atomically; never an input); `-` is stdout. The extension (.json .csv .sarif .xml .md .html) chooses the format unless -f is given')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Write the report to FILE (atomically; never an input); `-` is stdout. The extension (.json .csv .sarif .xml .md .html) chooses the format unless -f is given')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR in the environment means never, unless `always`)')
            [CompletionResult]::new('--input-format', '--input-format', [CompletionResultType]::ParameterName, 'Input format, instead of guessing from the file extension')
            [CompletionResult]::new('--encoding', '--encoding', [CompletionResultType]::ParameterName, 'Text encoding of inputs [default: auto: UTF-8 (with or without BOM), else GB18030]')
            [CompletionResult]::new('--lang', '--lang', [CompletionResultType]::ParameterName, 'Language of everything people read (zh: 简体中文, en: English) [default: GOVOPS_LANG, then LC_ALL, LC_MESSAGES, LANG; English otherwise]')
            [CompletionResult]::new('--force', '--force', [CompletionResultType]::ParameterName, 'Overwrite files already in DIR')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only the report: no notices on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only the report: no notices on stderr')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Explain what is being done on stderr')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Explain what is being done on stderr')
            [CompletionResult]::new('--no-progress', '--no-progress', [CompletionResultType]::ParameterName, 'Never draw progress bars (they only appear when stderr is a terminal anyway)')
            [CompletionResult]::new('--wide', '--wide', [CompletionResultType]::ParameterName, 'Tables: show every column at full width instead of fitting the terminal')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'govops;profile' {
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'Profile to use: a name (./profiles/NAME.yaml, the user config dir, built-in) or a path')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile to use: a name (./profiles/NAME.yaml, the user config dir, built-in) or a path')
            [CompletionResult]::new('-f', '-f', [CompletionResultType]::ParameterName, 'Output format [default: from the -o extension, else table on a terminal, json otherwise]')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format [default: from the -o extension, else table on a terminal, json otherwise]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Write the report to FILE (atomically; never an input); `-` is stdout. The extension (.json .csv .sarif .xml .md .html) chooses the format unless -f is given')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Write the report to FILE (atomically; never an input); `-` is stdout. The extension (.json .csv .sarif .xml .md .html) chooses the format unless -f is given')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR in the environment means never, unless `always`)')
            [CompletionResult]::new('--input-format', '--input-format', [CompletionResultType]::ParameterName, 'Input format, instead of guessing from the file extension')
            [CompletionResult]::new('--encoding', '--encoding', [CompletionResultType]::ParameterName, 'Text encoding of inputs [default: auto: UTF-8 (with or without BOM), else GB18030]')
            [CompletionResult]::new('--lang', '--lang', [CompletionResultType]::ParameterName, 'Language of everything people read (zh: 简体中文, en: English) [default: GOVOPS_LANG, then LC_ALL, LC_MESSAGES, LANG; English otherwise]')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only the report: no notices on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only the report: no notices on stderr')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Explain what is being done on stderr')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Explain what is being done on stderr')
            [CompletionResult]::new('--no-progress', '--no-progress', [CompletionResultType]::ParameterName, 'Never draw progress bars (they only appear when stderr is a terminal anyway)')
            [CompletionResult]::new('--wide', '--wide', [CompletionResultType]::ParameterName, 'Tables: show every column at full width instead of fitting the terminal')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List the profiles that can be used, and where each comes from')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Print a profile (resolved) as YAML')
            [CompletionResult]::new('validate', 'validate', [CompletionResultType]::ParameterValue, 'Check a profile and report every problem with line and column')
            [CompletionResult]::new('init', 'init', [CompletionResultType]::ParameterValue, 'Write a commented starter profile')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'govops;profile;list' {
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'Profile to use: a name (./profiles/NAME.yaml, the user config dir, built-in) or a path')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile to use: a name (./profiles/NAME.yaml, the user config dir, built-in) or a path')
            [CompletionResult]::new('-f', '-f', [CompletionResultType]::ParameterName, 'Output format [default: from the -o extension, else table on a terminal, json otherwise]')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format [default: from the -o extension, else table on a terminal, json otherwise]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Write the report to FILE (atomically; never an input); `-` is stdout. The extension (.json .csv .sarif .xml .md .html) chooses the format unless -f is given')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Write the report to FILE (atomically; never an input); `-` is stdout. The extension (.json .csv .sarif .xml .md .html) chooses the format unless -f is given')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR in the environment means never, unless `always`)')
            [CompletionResult]::new('--input-format', '--input-format', [CompletionResultType]::ParameterName, 'Input format, instead of guessing from the file extension')
            [CompletionResult]::new('--encoding', '--encoding', [CompletionResultType]::ParameterName, 'Text encoding of inputs [default: auto: UTF-8 (with or without BOM), else GB18030]')
            [CompletionResult]::new('--lang', '--lang', [CompletionResultType]::ParameterName, 'Language of everything people read (zh: 简体中文, en: English) [default: GOVOPS_LANG, then LC_ALL, LC_MESSAGES, LANG; English otherwise]')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only the report: no notices on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only the report: no notices on stderr')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Explain what is being done on stderr')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Explain what is being done on stderr')
            [CompletionResult]::new('--no-progress', '--no-progress', [CompletionResultType]::ParameterName, 'Never draw progress bars (they only appear when stderr is a terminal anyway)')
            [CompletionResult]::new('--wide', '--wide', [CompletionResultType]::ParameterName, 'Tables: show every column at full width instead of fitting the terminal')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'govops;profile;show' {
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'Profile to use: a name (./profiles/NAME.yaml, the user config dir, built-in) or a path')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile to use: a name (./profiles/NAME.yaml, the user config dir, built-in) or a path')
            [CompletionResult]::new('-f', '-f', [CompletionResultType]::ParameterName, 'Output format [default: from the -o extension, else table on a terminal, json otherwise]')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format [default: from the -o extension, else table on a terminal, json otherwise]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Write the report to FILE (atomically; never an input); `-` is stdout. The extension (.json .csv .sarif .xml .md .html) chooses the format unless -f is given')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Write the report to FILE (atomically; never an input); `-` is stdout. The extension (.json .csv .sarif .xml .md .html) chooses the format unless -f is given')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR in the environment means never, unless `always`)')
            [CompletionResult]::new('--input-format', '--input-format', [CompletionResultType]::ParameterName, 'Input format, instead of guessing from the file extension')
            [CompletionResult]::new('--encoding', '--encoding', [CompletionResultType]::ParameterName, 'Text encoding of inputs [default: auto: UTF-8 (with or without BOM), else GB18030]')
            [CompletionResult]::new('--lang', '--lang', [CompletionResultType]::ParameterName, 'Language of everything people read (zh: 简体中文, en: English) [default: GOVOPS_LANG, then LC_ALL, LC_MESSAGES, LANG; English otherwise]')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only the report: no notices on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only the report: no notices on stderr')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Explain what is being done on stderr')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Explain what is being done on stderr')
            [CompletionResult]::new('--no-progress', '--no-progress', [CompletionResultType]::ParameterName, 'Never draw progress bars (they only appear when stderr is a terminal anyway)')
            [CompletionResult]::new('--wide', '--wide', [CompletionResultType]::ParameterName, 'Tables: show every column at full width instead of fitting the terminal')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'govops;profile;validate' {
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'Profile to use: a name (./profiles/NAME.yaml, the user config dir, built-in) or a path')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile to use: a name (./profiles/NAME.yaml, the user config dir, built-in) or a path')
            [CompletionResult]::new('-f', '-f', [CompletionResultType]::ParameterName, 'Output format [default: from the -o extension, else table on a terminal, json otherwise]')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format [default: from the -o extension, else table on a terminal, json otherwise]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Write the report to FILE (atomically; never an input); `-` is stdout. The extension (.json .csv .sarif .xml .md .html) chooses the format unless -f is given')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Write the report to FILE (atomically; never an input); `-` is stdout. The extension (.json .csv .sarif .xml .md .html) chooses the format unless -f is given')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR in the environment means never, unless `always`)')
            [CompletionResult]::new('--input-format', '--input-format', [CompletionResultType]::ParameterName, 'Input format, instead of guessing from the file extension')
            [CompletionResult]::new('--encoding', '--encoding', [CompletionResultType]::ParameterName, 'Text encoding of inputs [default: auto: UTF-8 (with or without BOM), else GB18030]')
            [CompletionResult]::new('--lang', '--lang', [CompletionResultType]::ParameterName, 'Language of everything people read (zh: 简体中文, en: English) [default: GOVOPS_LANG, then LC_ALL, LC_MESSAGES, LANG; English otherwise]')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only the report: no notices on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only the report: no notices on stderr')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Explain what is being done on stderr')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Explain what is being done on stderr')
            [CompletionResult]::new('--no-progress', '--no-progress', [CompletionResultType]::ParameterName, 'Never draw progress bars (they only appear when stderr is a terminal anyway)')
            [CompletionResult]::new('--wide', '--wide', [CompletionResultType]::ParameterName, 'Tables: show every column at full width instead of fitting the terminal')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'govops;profile;init' {
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'Profile to use: a name (./profiles/NAME.yaml, the user config dir, built-in) or a path')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile to use: a name (./profiles/NAME.yaml, the user config dir, built-in) or a path')
            [CompletionResult]::new('-f', '-f', [CompletionResultType]::ParameterName, 'Output format [default: from the -o extension, else table on a terminal, json otherwise]')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format [default: from the -o extension, else table on a terminal, json otherwise]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Write the report to FILE (atomically; never an input); `-` is stdout. The extension (.json .csv .sarif .xml .md .html) chooses the format unless -f is given')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Write the report to FILE (atomically; never an input); `-` is stdout. The extension (.json .csv .sarif .xml .md .html) chooses the format unless -f is given')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR in the environment means never, unless `always`)')
            [CompletionResult]::new('--input-format', '--input-format', [CompletionResultType]::ParameterName, 'Input format, instead of guessing from the file extension')
            [CompletionResult]::new('--encoding', '--encoding', [CompletionResultType]::ParameterName, 'Text encoding of inputs [default: auto: UTF-8 (with or without BOM), else GB18030]')
            [CompletionResult]::new('--lang', '--lang', [CompletionResultType]::ParameterName, 'Language of everything people read (zh: 简体中文, en: English) [default: GOVOPS_LANG, then LC_ALL, LC_MESSAGES, LANG; English otherwise]')
            [CompletionResult]::new('--force', '--force', [CompletionResultType]::ParameterName, 'Overwrite an existing file')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only the report: no notices on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only the report: no notices on stderr')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Explain what is being done on stderr')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Explain what is being done on stderr')
            [CompletionResult]::new('--no-progress', '--no-progress', [CompletionResultType]::ParameterName, 'Never draw progress bars (they only appear when stderr is a terminal anyway)')
            [CompletionResult]::new('--wide', '--wide', [CompletionResultType]::ParameterName, 'Tables: show every column at full width instead of fitting the terminal')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'govops;profile;help' {
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List the profiles that can be used, and where each comes from')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Print a profile (resolved) as YAML')
            [CompletionResult]::new('validate', 'validate', [CompletionResultType]::ParameterValue, 'Check a profile and report every problem with line and column')
            [CompletionResult]::new('init', 'init', [CompletionResultType]::ParameterValue, 'Write a commented starter profile')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'govops;profile;help;list' {
            break
        }
        'govops;profile;help;show' {
            break
        }
        'govops;profile;help;validate' {
            break
        }
        'govops;profile;help;init' {
            break
        }
        'govops;profile;help;help' {
            break
        }
        'govops;completions' {
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'Profile to use: a name (./profiles/NAME.yaml, the user config dir, built-in) or a path')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile to use: a name (./profiles/NAME.yaml, the user config dir, built-in) or a path')
            [CompletionResult]::new('-f', '-f', [CompletionResultType]::ParameterName, 'Output format [default: from the -o extension, else table on a terminal, json otherwise]')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format [default: from the -o extension, else table on a terminal, json otherwise]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Write the report to FILE (atomically; never an input); `-` is stdout. The extension (.json .csv .sarif .xml .md .html) chooses the format unless -f is given')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Write the report to FILE (atomically; never an input); `-` is stdout. The extension (.json .csv .sarif .xml .md .html) chooses the format unless -f is given')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR in the environment means never, unless `always`)')
            [CompletionResult]::new('--input-format', '--input-format', [CompletionResultType]::ParameterName, 'Input format, instead of guessing from the file extension')
            [CompletionResult]::new('--encoding', '--encoding', [CompletionResultType]::ParameterName, 'Text encoding of inputs [default: auto: UTF-8 (with or without BOM), else GB18030]')
            [CompletionResult]::new('--lang', '--lang', [CompletionResultType]::ParameterName, 'Language of everything people read (zh: 简体中文, en: English) [default: GOVOPS_LANG, then LC_ALL, LC_MESSAGES, LANG; English otherwise]')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only the report: no notices on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only the report: no notices on stderr')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Explain what is being done on stderr')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Explain what is being done on stderr')
            [CompletionResult]::new('--no-progress', '--no-progress', [CompletionResultType]::ParameterName, 'Never draw progress bars (they only appear when stderr is a terminal anyway)')
            [CompletionResult]::new('--wide', '--wide', [CompletionResultType]::ParameterName, 'Tables: show every column at full width instead of fitting the terminal')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'govops;man' {
            [CompletionResult]::new('--out', '--out', [CompletionResultType]::ParameterName, 'Directory to write the man pages into')
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'Profile to use: a name (./profiles/NAME.yaml, the user config dir, built-in) or a path')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile to use: a name (./profiles/NAME.yaml, the user config dir, built-in) or a path')
            [CompletionResult]::new('-f', '-f', [CompletionResultType]::ParameterName, 'Output format [default: from the -o extension, else table on a terminal, json otherwise]')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format [default: from the -o extension, else table on a terminal, json otherwise]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Write the report to FILE (atomically; never an input); `-` is stdout. The extension (.json .csv .sarif .xml .md .html) chooses the format unless -f is given')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Write the report to FILE (atomically; never an input); `-` is stdout. The extension (.json .csv .sarif .xml .md .html) chooses the format unless -f is given')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR in the environment means never, unless `always`)')
            [CompletionResult]::new('--input-format', '--input-format', [CompletionResultType]::ParameterName, 'Input format, instead of guessing from the file extension')
            [CompletionResult]::new('--encoding', '--encoding', [CompletionResultType]::ParameterName, 'Text encoding of inputs [default: auto: UTF-8 (with or without BOM), else GB18030]')
            [CompletionResult]::new('--lang', '--lang', [CompletionResultType]::ParameterName, 'Language of everything people read (zh: 简体中文, en: English) [default: GOVOPS_LANG, then LC_ALL, LC_MESSAGES, LANG; English otherwise]')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only the report: no notices on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only the report: no notices on stderr')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Explain what is being done on stderr')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Explain what is being done on stderr')
            [CompletionResult]::new('--no-progress', '--no-progress', [CompletionResultType]::ParameterName, 'Never draw progress bars (they only appear when stderr is a terminal anyway)')
            [CompletionResult]::new('--wide', '--wide', [CompletionResultType]::ParameterName, 'Tables: show every column at full width instead of fitting the terminal')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'govops;help' {
            [CompletionResult]::new('audit', 'audit', [CompletionResultType]::ParameterValue, 'Audit a service catalog: duplicates, gaps, inconsistencies, field quality')
            [CompletionResult]::new('sharing', 'sharing', [CompletionResultType]::ParameterValue, 'Data-sharing health: registry checks, the sharing graph, live HTTP probes, history')
            [CompletionResult]::new('balance', 'balance', [CompletionResultType]::ParameterValue, 'Regional balance report: composite index, tiers, inequality, laggards')
            [CompletionResult]::new('monitor', 'monitor', [CompletionResultType]::ParameterValue, 'Live terminal monitor (or --once: one frame as plain text, for scripts)')
            [CompletionResult]::new('check', 'check', [CompletionResultType]::ParameterValue, 'Run everything the profile configures; one summary, one exit code (for CI)')
            [CompletionResult]::new('sample', 'sample', [CompletionResultType]::ParameterValue, 'Write realistic synthetic data on the real region hierarchy, with ground truth')
            [CompletionResult]::new('profile', 'profile', [CompletionResultType]::ParameterValue, 'List, show, validate or create profiles')
            [CompletionResult]::new('completions', 'completions', [CompletionResultType]::ParameterValue, 'Print a shell completion script to stdout')
            [CompletionResult]::new('man', 'man', [CompletionResultType]::ParameterValue, 'Write man pages (govops.1 and one per command) into a directory')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'govops;help;audit' {
            break
        }
        'govops;help;sharing' {
            [CompletionResult]::new('watch', 'watch', [CompletionResultType]::ParameterValue, 'Probe every interface on its own interval until stopped; alert, record, serve /metrics')
            break
        }
        'govops;help;sharing;watch' {
            break
        }
        'govops;help;balance' {
            break
        }
        'govops;help;monitor' {
            break
        }
        'govops;help;check' {
            break
        }
        'govops;help;sample' {
            break
        }
        'govops;help;profile' {
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List the profiles that can be used, and where each comes from')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Print a profile (resolved) as YAML')
            [CompletionResult]::new('validate', 'validate', [CompletionResultType]::ParameterValue, 'Check a profile and report every problem with line and column')
            [CompletionResult]::new('init', 'init', [CompletionResultType]::ParameterValue, 'Write a commented starter profile')
            break
        }
        'govops;help;profile;list' {
            break
        }
        'govops;help;profile;show' {
            break
        }
        'govops;help;profile;validate' {
            break
        }
        'govops;help;profile;init' {
            break
        }
        'govops;help;completions' {
            break
        }
        'govops;help;man' {
            break
        }
        'govops;help;help' {
            break
        }
    })

    $completions.Where{ $_.CompletionText -like "$wordToComplete*" } |
        Sort-Object -Property ListItemText
}
