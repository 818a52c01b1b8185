
use builtin;
use str;

set edit:completion:arg-completer[govops] = {|@words|
    fn spaces {|n|
        builtin:repeat $n ' ' | str:join ''
    }
    fn cand {|text desc|
        edit:complex-candidate $text &display=$text' '(spaces (- 14 (wcswidth $text)))$desc
    }
    var command = 'govops'
    for word $words[1..-1] {
        if (str:has-prefix $word '-') {
            break
        }
        set command = $command';'$word
    }
    var completions = [
        &'govops'= {
            cand -p 'Profile to use: a name (./profiles/NAME.yaml, the user config dir, built-in) or a path'
            cand --profile 'Profile to use: a name (./profiles/NAME.yaml, the user config dir, built-in) or a path'
            cand -f 'Output format [default: from the -o extension, else table on a terminal, json otherwise]'
            cand --format 'Output format [default: from the -o extension, else table on a terminal, json otherwise]'
            cand -o 'Write the report to FILE (atomically; never an input); `-` is stdout. The extension (.json .csv .sarif .xml .md .html) chooses the format unless -f is given'
            cand --output 'Write the report to FILE (atomically; never an input); `-` is stdout. The extension (.json .csv .sarif .xml .md .html) chooses the format unless -f is given'
            cand --color 'When to use colour (NO_COLOR in the environment means never, unless `always`)'
            cand --input-format 'Input format, instead of guessing from the file extension'
            cand --encoding 'Text encoding of inputs [default: auto: UTF-8 (with or without BOM), else GB18030]'
            cand --lang 'Language of everything people read (zh: 简体中文, en: English) [default: GOVOPS_LANG, then LC_ALL, LC_MESSAGES, LANG; English otherwise]'
            cand -q 'Print only the report: no notices on stderr'
            cand --quiet 'Print only the report: no notices on stderr'
            cand -v 'Explain what is being done on stderr'
            cand --verbose 'Explain what is being done on stderr'
            cand --no-progress 'Never draw progress bars (they only appear when stderr is a terminal anyway)'
            cand --wide 'Tables: show every column at full width instead of fitting the terminal'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
            cand audit 'Audit a service catalog: duplicates, gaps, inconsistencies, field quality'
            cand sharing 'Data-sharing health: registry checks, the sharing graph, live HTTP probes, history'
            cand balance 'Regional balance report: composite index, tiers, inequality, laggards'
            cand monitor 'Live terminal monitor (or --once: one frame as plain text, for scripts)'
            cand check 'Run everything the profile configures; one summary, one exit code (for CI)'
            cand sample 'Write realistic synthetic data on the real region hierarchy, with ground truth'
            cand profile 'List, show, validate or create profiles'
            cand completions 'Print a shell completion script to stdout'
            cand man 'Write man pages (govops.1 and one per command) into a directory'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'govops;audit'= {
            cand --catalog 'Service catalog (implementation list): file, - for stdin, or http(s) URL'
            cand --baseline 'Basic catalog (基本目录) the regions must implement'
            cand --regions 'Region set [default: China''s built-in four-level hierarchy]'
            cand --fail-on 'Lowest severity that makes the exit code 1'
            cand --only 'Run only rules whose names start with one of these prefixes (e.g. duplicate.,gap.)'
            cand --threshold 'Similarity (0..1) at which two names count as near duplicates'
            cand --explain 'Explain one rule in full, then exit'
            cand -p 'Profile to use: a name (./profiles/NAME.yaml, the user config dir, built-in) or a path'
            cand --profile 'Profile to use: a name (./profiles/NAME.yaml, the user config dir, built-in) or a path'
            cand -f 'Output format [default: from the -o extension, else table on a terminal, json otherwise]'
            cand --format 'Output format [default: from the -o extension, else table on a terminal, json otherwise]'
            cand -o 'Write the report to FILE (atomically; never an input); `-` is stdout. The extension (.json .csv .sarif .xml .md .html) chooses the format unless -f is given'
            cand --output 'Write the report to FILE (atomically; never an input); `-` is stdout. The extension (.json .csv .sarif .xml .md .html) chooses the format unless -f is given'
            cand --color 'When to use colour (NO_COLOR in the environment means never, unless `always`)'
            cand --input-format 'Input format, instead of guessing from the file extension'
            cand --encoding 'Text encoding of inputs [default: auto: UTF-8 (with or without BOM), else GB18030]'
            cand --lang 'Language of everything people read (zh: 简体中文, en: English) [default: GOVOPS_LANG, then LC_ALL, LC_MESSAGES, LANG; English otherwise]'
            cand --list-rules 'List the rules with their severity and a one-line reason, then exit'
            cand -q 'Print only the report: no notices on stderr'
            cand --quiet 'Print only the report: no notices on stderr'
            cand -v 'Explain what is being done on stderr'
            cand --verbose 'Explain what is being done on stderr'
            cand --no-progress 'Never draw progress bars (they only appear when stderr is a terminal anyway)'
            cand --wide 'Tables: show every column at full width instead of fitting the terminal'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'govops;sharing'= {
            cand --registry 'Sharing registry (YAML with `interfaces:`, or CSV): file, - or URL'
            cand --catalog 'Service catalog, for materials coverage (which papers an interface makes unnecessary)'
            cand --concurrency 'Probes in flight at once'
            cand --timeout 'Deadline per probe, e.g. 500ms, 2s, 1m'
            cand --deadline 'Deadline for the whole probe run'
            cand --history 'SQLite file that keeps every probe, for availability and latency over time'
            cand --retention 'With --history: delete probes older than this, e.g. 30d'
            cand --ca-file 'PEM file of extra CA certificates (private CAs)'
            cand --fail-on 'Lowest severity that makes the exit code 1'
            cand --explain 'Explain one rule in full, then exit'
            cand -p 'Profile to use: a name (./profiles/NAME.yaml, the user config dir, built-in) or a path'
            cand --profile 'Profile to use: a name (./profiles/NAME.yaml, the user config dir, built-in) or a path'
            cand -f 'Output format [default: from the -o extension, else table on a terminal, json otherwise]'
            cand --format 'Output format [default: from the -o extension, else table on a terminal, json otherwise]'
            cand -o 'Write the report to FILE (atomically; never an input); `-` is stdout. The extension (.json .csv .sarif .xml .md .html) chooses the format unless -f is given'
            cand --output 'Write the report to FILE (atomically; never an input); `-` is stdout. The extension (.json .csv .sarif .xml .md .html) chooses the format unless -f is given'
            cand --color 'When to use colour (NO_COLOR in the environment means never, unless `always`)'
            cand --input-format 'Input format, instead of guessing from the file extension'
            cand --encoding 'Text encoding of inputs [default: auto: UTF-8 (with or without BOM), else GB18030]'
            cand --lang 'Language of everything people read (zh: 简体中文, en: English) [default: GOVOPS_LANG, then LC_ALL, LC_MESSAGES, LANG; English otherwise]'
            cand --probe 'Probe every interface live over HTTP(S)'
            cand --list-rules 'List the rules with their severity and a one-line reason, then exit'
            cand -q 'Print only the report: no notices on stderr'
            cand --quiet 'Print only the report: no notices on stderr'
            cand -v 'Explain what is being done on stderr'
            cand --verbose 'Explain what is being done on stderr'
            cand --no-progress 'Never draw progress bars (they only appear when stderr is a terminal anyway)'
            cand --wide 'Tables: show every column at full width instead of fitting the terminal'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
            cand watch 'Probe every interface on its own interval until stopped; alert, record, serve /metrics'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'govops;sharing;watch'= {
            cand --registry 'Sharing registry (YAML with `interfaces:`, or CSV): file, - or URL'
            cand --history 'SQLite file to record every probe in'
            cand --interval 'Interval for interfaces without their own (profile sharing.watch.intervals), e.g. 1m'
            cand --failure-threshold 'Consecutive failures that raise an alert'
            cand --success-threshold 'Consecutive successes that clear it'
            cand --webhook 'POST every alert and recovery as JSON to this URL'
            cand --serve 'Serve /metrics (OpenMetrics) and /healthz on this address, e.g. 127.0.0.1:9464'
            cand --for 'Stop after this long (default: run until SIGTERM or SIGINT)'
            cand --log-format 'Log lines on stderr as text or JSON'
            cand --concurrency 'Probes in flight at once'
            cand --timeout 'Deadline per probe, e.g. 500ms, 2s'
            cand --ca-file 'PEM file of extra CA certificates (private CAs)'
            cand -p 'Profile to use: a name (./profiles/NAME.yaml, the user config dir, built-in) or a path'
            cand --profile 'Profile to use: a name (./profiles/NAME.yaml, the user config dir, built-in) or a path'
            cand -f 'Output format [default: from the -o extension, else table on a terminal, json otherwise]'
            cand --format 'Output format [default: from the -o extension, else table on a terminal, json otherwise]'
            cand -o 'Write the report to FILE (atomically; never an input); `-` is stdout. The extension (.json .csv .sarif .xml .md .html) chooses the format unless -f is given'
            cand --output 'Write the report to FILE (atomically; never an input); `-` is stdout. The extension (.json .csv .sarif .xml .md .html) chooses the format unless -f is given'
            cand --color 'When to use colour (NO_COLOR in the environment means never, unless `always`)'
            cand --input-format 'Input format, instead of guessing from the file extension'
            cand --encoding 'Text encoding of inputs [default: auto: UTF-8 (with or without BOM), else GB18030]'
            cand --lang 'Language of everything people read (zh: 简体中文, en: English) [default: GOVOPS_LANG, then LC_ALL, LC_MESSAGES, LANG; English otherwise]'
            cand -q 'Print only the report: no notices on stderr'
            cand --quiet 'Print only the report: no notices on stderr'
            cand -v 'Explain what is being done on stderr'
            cand --verbose 'Explain what is being done on stderr'
            cand --no-progress 'Never draw progress bars (they only appear when stderr is a terminal anyway)'
            cand --wide 'Tables: show every column at full width instead of fitting the terminal'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'govops;sharing;help'= {
            cand watch 'Probe every interface on its own interval until stopped; alert, record, serve /metrics'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'govops;sharing;help;watch'= {
        }
        &'govops;sharing;help;help'= {
        }
        &'govops;balance'= {
            cand --metrics 'Regional metrics: region_code plus numeric indicator columns'
            cand --catalog 'Derive indicators from a service catalog instead'
            cand --baseline 'Basic catalog, for gap indicators when deriving from a catalog'
            cand --regions 'Region set [default: China''s built-in four-level hierarchy]'
            cand --level 'Administrative level to compare'
            cand --indicators 'Indicators with optional weight and direction, e.g. online_rate=2,avg_visits:lower'
            cand --group-by 'Decompose inequality by: group, macro_region, parent, level or any column'
            cand --weight 'Weight regions by a column for the weighted measures (population)'
            cand --normalise 'Normalisation of indicators before the composite index'
            cand --permutations 'Permutations for the p-value of the between-group share'
            cand --fail-on 'Lowest severity that makes the exit code 1 (balance''s one finding is input.empty)'
            cand -p 'Profile to use: a name (./profiles/NAME.yaml, the user config dir, built-in) or a path'
            cand --profile 'Profile to use: a name (./profiles/NAME.yaml, the user config dir, built-in) or a path'
            cand -f 'Output format [default: from the -o extension, else table on a terminal, json otherwise]'
            cand --format 'Output format [default: from the -o extension, else table on a terminal, json otherwise]'
            cand -o 'Write the report to FILE (atomically; never an input); `-` is stdout. The extension (.json .csv .sarif .xml .md .html) chooses the format unless -f is given'
            cand --output 'Write the report to FILE (atomically; never an input); `-` is stdout. The extension (.json .csv .sarif .xml .md .html) chooses the format unless -f is given'
            cand --color 'When to use colour (NO_COLOR in the environment means never, unless `always`)'
            cand --input-format 'Input format, instead of guessing from the file extension'
            cand --encoding 'Text encoding of inputs [default: auto: UTF-8 (with or without BOM), else GB18030]'
            cand --lang 'Language of everything people read (zh: 简体中文, en: English) [default: GOVOPS_LANG, then LC_ALL, LC_MESSAGES, LANG; English otherwise]'
            cand -q 'Print only the report: no notices on stderr'
            cand --quiet 'Print only the report: no notices on stderr'
            cand -v 'Explain what is being done on stderr'
            cand --verbose 'Explain what is being done on stderr'
            cand --no-progress 'Never draw progress bars (they only appear when stderr is a terminal anyway)'
            cand --wide 'Tables: show every column at full width instead of fitting the terminal'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'govops;monitor'= {
            cand --events 'Event stream (JSON Lines): file (followed like tail -f), - for stdin, or http(s) URL'
            cand --registry 'Sharing registry whose interfaces to probe and show'
            cand --refresh 'Screen refresh and probe interval, e.g. 1s, 500ms'
            cand --size 'Frame size for --once, WIDTHxHEIGHT'
            cand --explain 'Explain one rule in full, then exit'
            cand -p 'Profile to use: a name (./profiles/NAME.yaml, the user config dir, built-in) or a path'
            cand --profile 'Profile to use: a name (./profiles/NAME.yaml, the user config dir, built-in) or a path'
            cand -f 'Output format [default: from the -o extension, else table on a terminal, json otherwise]'
            cand --format 'Output format [default: from the -o extension, else table on a terminal, json otherwise]'
            cand -o 'Write the report to FILE (atomically; never an input); `-` is stdout. The extension (.json .csv .sarif .xml .md .html) chooses the format unless -f is given'
            cand --output 'Write the report to FILE (atomically; never an input); `-` is stdout. The extension (.json .csv .sarif .xml .md .html) chooses the format unless -f is given'
            cand --color 'When to use colour (NO_COLOR in the environment means never, unless `always`)'
            cand --input-format 'Input format, instead of guessing from the file extension'
            cand --encoding 'Text encoding of inputs [default: auto: UTF-8 (with or without BOM), else GB18030]'
            cand --lang 'Language of everything people read (zh: 简体中文, en: English) [default: GOVOPS_LANG, then LC_ALL, LC_MESSAGES, LANG; English otherwise]'
            cand --once 'Ingest what is available now, print one frame (or the state with -f json) and exit'
            cand --list-rules 'List the rules `check` judges the case stream by, then exit'
            cand -q 'Print only the report: no notices on stderr'
            cand --quiet 'Print only the report: no notices on stderr'
            cand -v 'Explain what is being done on stderr'
            cand --verbose 'Explain what is being done on stderr'
            cand --no-progress 'Never draw progress bars (they only appear when stderr is a terminal anyway)'
            cand --wide 'Tables: show every column at full width instead of fitting the terminal'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'govops;check'= {
            cand --fail-on 'Lowest severity that makes the exit code 1'
            cand -p 'Profile to use: a name (./profiles/NAME.yaml, the user config dir, built-in) or a path'
            cand --profile 'Profile to use: a name (./profiles/NAME.yaml, the user config dir, built-in) or a path'
            cand -f 'Output format [default: from the -o extension, else table on a terminal, json otherwise]'
            cand --format 'Output format [default: from the -o extension, else table on a terminal, json otherwise]'
            cand -o 'Write the report to FILE (atomically; never an input); `-` is stdout. The extension (.json .csv .sarif .xml .md .html) chooses the format unless -f is given'
            cand --output 'Write the report to FILE (atomically; never an input); `-` is stdout. The extension (.json .csv .sarif .xml .md .html) chooses the format unless -f is given'
            cand --color 'When to use colour (NO_COLOR in the environment means never, unless `always`)'
            cand --input-format 'Input format, instead of guessing from the file extension'
            cand --encoding 'Text encoding of inputs [default: auto: UTF-8 (with or without BOM), else GB18030]'
            cand --lang 'Language of everything people read (zh: 简体中文, en: English) [default: GOVOPS_LANG, then LC_ALL, LC_MESSAGES, LANG; English otherwise]'
            cand --no-probe 'Skip live probes even if the profile asks for them'
            cand -q 'Print only the report: no notices on stderr'
            cand --quiet 'Print only the report: no notices on stderr'
            cand -v 'Explain what is being done on stderr'
            cand --verbose 'Explain what is being done on stderr'
            cand --no-progress 'Never draw progress bars (they only appear when stderr is a terminal anyway)'
            cand --wide 'Tables: show every column at full width instead of fitting the terminal'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'govops;sample'= {
            cand --scale 'How much to generate: demo (one province in detail), province, or national (~10 M rows)'
            cand --seed 'Random seed; the same seed always gives the same files'
            cand --out 'Directory to write catalog.csv, baseline.csv, sharing.yaml, metrics.csv, events.jsonl, truth.json'
            cand -p 'Profile to use: a name (./profiles/NAME.yaml, the user config dir, built-in) or a path'
            cand --profile 'Profile to use: a name (./profiles/NAME.yaml, the user config dir, built-in) or a path'
            cand -f 'Output format [default: from the -o extension, else table on a terminal, json otherwise]'
            cand --format 'Output format [default: from the -o extension, else table on a terminal, json otherwise]'
            cand -o 'Write the report to FILE (atomically; never an input); `-` is stdout. The extension (.json .csv .sarif .xml .md .html) chooses the format unless -f is given'
            cand --output 'Write the report to FILE (atomically; never an input); `-` is stdout. The extension (.json .csv .sarif .xml .md .html) chooses the format unless -f is given'
            cand --color 'When to use colour (NO_COLOR in the environment means never, unless `always`)'
            cand --input-format 'Input format, instead of guessing from the file extension'
            cand --encoding 'Text encoding of inputs [default: auto: UTF-8 (with or without BOM), else GB18030]'
            cand --lang 'Language of everything people read (zh: 简体中文, en: English) [default: GOVOPS_LANG, then LC_ALL, LC_MESSAGES, LANG; English otherwise]'
            cand --force 'Overwrite files already in DIR'
            cand -q 'Print only the report: no notices on stderr'
            cand --quiet 'Print only the report: no notices on stderr'
            cand -v 'Explain what is being done on stderr'
            cand --verbose 'Explain what is being done on stderr'
            cand --no-progress 'Never draw progress bars (they only appear when stderr is a terminal anyway)'
            cand --wide 'Tables: show every column at full width instead of fitting the terminal'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'govops;profile'= {
            cand -p 'Profile to use: a name (./profiles/NAME.yaml, the user config dir, built-in) or a path'
            cand --profile 'Profile to use: a name (./profiles/NAME.yaml, the user config dir, built-in) or a path'
            cand -f 'Output format [default: from the -o extension, else table on a terminal, json otherwise]'
            cand --format 'Output format [default: from the -o extension, else table on a terminal, json otherwise]'
            cand -o 'Write the report to FILE (atomically; never an input); `-` is stdout. The extension (.json .csv .sarif .xml .md .html) chooses the format unless -f is given'
            cand --output 'Write the report to FILE (atomically; never an input); `-` is stdout. The extension (.json .csv .sarif .xml .md .html) chooses the format unless -f is given'
            cand --color 'When to use colour (NO_COLOR in the environment means never, unless `always`)'
            cand --input-format 'Input format, instead of guessing from the file extension'
            cand --encoding 'Text encoding of inputs [default: auto: UTF-8 (with or without BOM), else GB18030]'
            cand --lang 'Language of everything people read (zh: 简体中文, en: English) [default: GOVOPS_LANG, then LC_ALL, LC_MESSAGES, LANG; English otherwise]'
            cand -q 'Print only the report: no notices on stderr'
            cand --quiet 'Print only the report: no notices on stderr'
            cand -v 'Explain what is being done on stderr'
            cand --verbose 'Explain what is being done on stderr'
            cand --no-progress 'Never draw progress bars (they only appear when stderr is a terminal anyway)'
            cand --wide 'Tables: show every column at full width instead of fitting the terminal'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
            cand list 'List the profiles that can be used, and where each comes from'
            cand show 'Print a profile (resolved) as YAML'
            cand validate 'Check a profile and report every problem with line and column'
            cand init 'Write a commented starter profile'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'govops;profile;list'= {
            cand -p 'Profile to use: a name (./profiles/NAME.yaml, the user config dir, built-in) or a path'
            cand --profile 'Profile to use: a name (./profiles/NAME.yaml, the user config dir, built-in) or a path'
            cand -f 'Output format [default: from the -o extension, else table on a terminal, json otherwise]'
            cand --format 'Output format [default: from the -o extension, else table on a terminal, json otherwise]'
            cand -o 'Write the report to FILE (atomically; never an input); `-` is stdout. The extension (.json .csv .sarif .xml .md .html) chooses the format unless -f is given'
            cand --output 'Write the report to FILE (atomically; never an input); `-` is stdout. The extension (.json .csv .sarif .xml .md .html) chooses the format unless -f is given'
            cand --color 'When to use colour (NO_COLOR in the environment means never, unless `always`)'
            cand --input-format 'Input format, instead of guessing from the file extension'
            cand --encoding 'Text encoding of inputs [default: auto: UTF-8 (with or without BOM), else GB18030]'
            cand --lang 'Language of everything people read (zh: 简体中文, en: English) [default: GOVOPS_LANG, then LC_ALL, LC_MESSAGES, LANG; English otherwise]'
            cand -q 'Print only the report: no notices on stderr'
            cand --quiet 'Print only the report: no notices on stderr'
            cand -v 'Explain what is being done on stderr'
            cand --verbose 'Explain what is being done on stderr'
            cand --no-progress 'Never draw progress bars (they only appear when stderr is a terminal anyway)'
            cand --wide 'Tables: show every column at full width instead of fitting the terminal'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'govops;profile;show'= {
            cand -p 'Profile to use: a name (./profiles/NAME.yaml, the user config dir, built-in) or a path'
            cand --profile 'Profile to use: a name (./profiles/NAME.yaml, the user config dir, built-in) or a path'
            cand -f 'Output format [default: from the -o extension, else table on a terminal, json otherwise]'
            cand --format 'Output format [default: from the -o extension, else table on a terminal, json otherwise]'
            cand -o 'Write the report to FILE (atomically; never an input); `-` is stdout. The extension (.json .csv .sarif .xml .md .html) chooses the format unless -f is given'
            cand --output 'Write the report to FILE (atomically; never an input); `-` is stdout. The extension (.json .csv .sarif .xml .md .html) chooses the format unless -f is given'
            cand --color 'When to use colour (NO_COLOR in the environment means never, unless `always`)'
            cand --input-format 'Input format, instead of guessing from the file extension'
            cand --encoding 'Text encoding of inputs [default: auto: UTF-8 (with or without BOM), else GB18030]'
            cand --lang 'Language of everything people read (zh: 简体中文, en: English) [default: GOVOPS_LANG, then LC_ALL, LC_MESSAGES, LANG; English otherwise]'
            cand -q 'Print only the report: no notices on stderr'
            cand --quiet 'Print only the report: no notices on stderr'
            cand -v 'Explain what is being done on stderr'
            cand --verbose 'Explain what is being done on stderr'
            cand --no-progress 'Never draw progress bars (they only appear when stderr is a terminal anyway)'
            cand --wide 'Tables: show every column at full width instead of fitting the terminal'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'govops;profile;validate'= {
            cand -p 'Profile to use: a name (./profiles/NAME.yaml, the user config dir, built-in) or a path'
            cand --profile 'Profile to use: a name (./profiles/NAME.yaml, the user config dir, built-in) or a path'
            cand -f 'Output format [default: from the -o extension, else table on a terminal, json otherwise]'
            cand --format 'Output format [default: from the -o extension, else table on a terminal, json otherwise]'
            cand -o 'Write the report to FILE (atomically; never an input); `-` is stdout. The extension (.json .csv .sarif .xml .md .html) chooses the format unless -f is given'
            cand --output 'Write the report to FILE (atomically; never an input); `-` is stdout. The extension (.json .csv .sarif .xml .md .html) chooses the format unless -f is given'
            cand --color 'When to use colour (NO_COLOR in the environment means never, unless `always`)'
            cand --input-format 'Input format, instead of guessing from the file extension'
            cand --encoding 'Text encoding of inputs [default: auto: UTF-8 (with or without BOM), else GB18030]'
            cand --lang 'Language of everything people read (zh: 简体中文, en: English) [default: GOVOPS_LANG, then LC_ALL, LC_MESSAGES, LANG; English otherwise]'
            cand -q 'Print only the report: no notices on stderr'
            cand --quiet 'Print only the report: no notices on stderr'
            cand -v 'Explain what is being done on stderr'
            cand --verbose 'Explain what is being done on stderr'
            cand --no-progress 'Never draw progress bars (they only appear when stderr is a terminal anyway)'
            cand --wide 'Tables: show every column at full width instead of fitting the terminal'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'govops;profile;init'= {
            cand -p 'Profile to use: a name (./profiles/NAME.yaml, the user config dir, built-in) or a path'
            cand --profile 'Profile to use: a name (./profiles/NAME.yaml, the user config dir, built-in) or a path'
            cand -f 'Output format [default: from the -o extension, else table on a terminal, json otherwise]'
            cand --format 'Output format [default: from the -o extension, else table on a terminal, json otherwise]'
            cand -o 'Write the report to FILE (atomically; never an input); `-` is stdout. The extension (.json .csv .sarif .xml .md .html) chooses the format unless -f is given'
            cand --output 'Write the report to FILE (atomically; never an input); `-` is stdout. The extension (.json .csv .sarif .xml .md .html) chooses the format unless -f is given'
            cand --color 'When to use colour (NO_COLOR in the environment means never, unless `always`)'
            cand --input-format 'Input format, instead of guessing from the file extension'
            cand --encoding 'Text encoding of inputs [default: auto: UTF-8 (with or without BOM), else GB18030]'
            cand --lang 'Language of everything people read (zh: 简体中文, en: English) [default: GOVOPS_LANG, then LC_ALL, LC_MESSAGES, LANG; English otherwise]'
            cand --force 'Overwrite an existing file'
            cand -q 'Print only the report: no notices on stderr'
            cand --quiet 'Print only the report: no notices on stderr'
            cand -v 'Explain what is being done on stderr'
            cand --verbose 'Explain what is being done on stderr'
            cand --no-progress 'Never draw progress bars (they only appear when stderr is a terminal anyway)'
            cand --wide 'Tables: show every column at full width instead of fitting the terminal'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'govops;profile;help'= {
            cand list 'List the profiles that can be used, and where each comes from'
            cand show 'Print a profile (resolved) as YAML'
            cand validate 'Check a profile and report every problem with line and column'
            cand init 'Write a commented starter profile'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'govops;profile;help;list'= {
        }
        &'govops;profile;help;show'= {
        }
        &'govops;profile;help;validate'= {
        }
        &'govops;profile;help;init'= {
        }
        &'govops;profile;help;help'= {
        }
        &'govops;completions'= {
            cand -p 'Profile to use: a name (./profiles/NAME.yaml, the user config dir, built-in) or a path'
            cand --profile 'Profile to use: a name (./profiles/NAME.yaml, the user config dir, built-in) or a path'
            cand -f 'Output format [default: from the -o extension, else table on a terminal, json otherwise]'
            cand --format 'Output format [default: from the -o extension, else table on a terminal, json otherwise]'
            cand -o 'Write the report to FILE (atomically; never an input); `-` is stdout. The extension (.json .csv .sarif .xml .md .html) chooses the format unless -f is given'
            cand --output 'Write the report to FILE (atomically; never an input); `-` is stdout. The extension (.json .csv .sarif .xml .md .html) chooses the format unless -f is given'
            cand --color 'When to use colour (NO_COLOR in the environment means never, unless `always`)'
            cand --input-format 'Input format, instead of guessing from the file extension'
            cand --encoding 'Text encoding of inputs [default: auto: UTF-8 (with or without BOM), else GB18030]'
            cand --lang 'Language of everything people read (zh: 简体中文, en: English) [default: GOVOPS_LANG, then LC_ALL, LC_MESSAGES, LANG; English otherwise]'
            cand -q 'Print only the report: no notices on stderr'
            cand --quiet 'Print only the report: no notices on stderr'
            cand -v 'Explain what is being done on stderr'
            cand --verbose 'Explain what is being done on stderr'
            cand --no-progress 'Never draw progress bars (they only appear when stderr is a terminal anyway)'
            cand --wide 'Tables: show every column at full width instead of fitting the terminal'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'govops;man'= {
            cand --out 'Directory to write the man pages into'
            cand -p 'Profile to use: a name (./profiles/NAME.yaml, the user config dir, built-in) or a path'
            cand --profile 'Profile to use: a name (./profiles/NAME.yaml, the user config dir, built-in) or a path'
            cand -f 'Output format [default: from the -o extension, else table on a terminal, json otherwise]'
            cand --format 'Output format [default: from the -o extension, else table on a terminal, json otherwise]'
            cand -o 'Write the report to FILE (atomically; never an input); `-` is stdout. The extension (.json .csv .sarif .xml .md .html) chooses the format unless -f is given'
            cand --output 'Write the report to FILE (atomically; never an input); `-` is stdout. The extension (.json .csv .sarif .xml .md .html) chooses the format unless -f is given'
            cand --color 'When to use colour (NO_COLOR in the environment means never, unless `always`)'
            cand --input-format 'Input format, instead of guessing from the file extension'
            cand --encoding 'Text encoding of inputs [default: auto: UTF-8 (with or without BOM), else GB18030]'
            cand --lang 'Language of everything people read (zh: 简体中文, en: English) [default: GOVOPS_LANG, then LC_ALL, LC_MESSAGES, LANG; English otherwise]'
            cand -q 'Print only the report: no notices on stderr'
            cand --quiet 'Print only the report: no notices on stderr'
            cand -v 'Explain what is being done on stderr'
            cand --verbose 'Explain what is being done on stderr'
            cand --no-progress 'Never draw progress bars (they only appear when stderr is a terminal anyway)'
            cand --wide 'Tables: show every column at full width instead of fitting the terminal'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'govops;help'= {
            cand audit 'Audit a service catalog: duplicates, gaps, inconsistencies, field quality'
            cand sharing 'Data-sharing health: registry checks, the sharing graph, live HTTP probes, history'
            cand balance 'Regional balance report: composite index, tiers, inequality, laggards'
            cand monitor 'Live terminal monitor (or --once: one frame as plain text, for scripts)'
            cand check 'Run everything the profile configures; one summary, one exit code (for CI)'
            cand sample 'Write realistic synthetic data on the real region hierarchy, with ground truth'
            cand profile 'List, show, validate or create profiles'
            cand completions 'Print a shell completion script to stdout'
            cand man 'Write man pages (govops.1 and one per command) into a directory'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'govops;help;audit'= {
        }
        &'govops;help;sharing'= {
            cand watch 'Probe every interface on its own interval until stopped; alert, record, serve /metrics'
        }
        &'govops;help;sharing;watch'= {
        }
        &'govops;help;balance'= {
        }
        &'govops;help;monitor'= {
        }
        &'govops;help;check'= {
        }
        &'govops;help;sample'= {
        }
        &'govops;help;profile'= {
            cand list 'List the profiles that can be used, and where each comes from'
            cand show 'Print a profile (resolved) as YAML'
            cand validate 'Check a profile and report every problem with line and column'
            cand init 'Write a commented starter profile'
        }
        &'govops;help;profile;list'= {
        }
        &'govops;help;profile;show'= {
        }
        &'govops;help;profile;validate'= {
        }
        &'govops;help;profile;init'= {
        }
        &'govops;help;completions'= {
        }
        &'govops;help;man'= {
        }
        &'govops;help;help'= {
        }
    ]
    $completions[$command]
}
