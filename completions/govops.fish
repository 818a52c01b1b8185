# Print an optspec for argparse to handle cmd's options that are independent of any subcommand.
function __fish_govops_global_optspecs
    string join \n p/profile= f/format= o/output= color= q/quiet v/verbose no-progress input-format= encoding= lang= wide h/help V/version
end

function __fish_govops_needs_command
    # Figure out if the current invocation already has a command.
    set -l cmd (commandline -opc)
    set -e cmd[1]
    argparse -s (__fish_govops_global_optspecs) -- $cmd 2>/dev/null
    or return
    if set -q argv[1]
        # Also print the command, so this can be used to figure out what it is.
        echo $argv[1]
        return 1
    end
    return 0
end

function __fish_govops_using_subcommand
    set -l cmd (__fish_govops_needs_command)
    test -z "$cmd"
    and return 1
    contains -- $cmd[1] $argv
end

complete -c govops -n "__fish_govops_needs_command" -s p -l profile -d 'Profile to use: a name (./profiles/NAME.yaml, the user config dir, built-in) or a path' -r
complete -c govops -n "__fish_govops_needs_command" -s f -l format -d 'Output format [default: from the -o extension, else table on a terminal, json otherwise]' -r -f -a "table\t'Aligned table for people (default on a terminal)'
json\t'The JSON envelope (default when stdout is not a terminal)'
csv\t'Comma-separated findings or rows'
markdown\t'GitHub-flavoured Markdown'
html\t'One self-contained HTML page'
sarif\t'SARIF 2.1.0, for code-scanning UIs'
junit\t'JUnit XML, for CI test reports'
text\t'Plain text frame (monitor --once)'"
complete -c govops -n "__fish_govops_needs_command" -s o -l output -d 'Write the report to FILE (atomically; never an input); `-` is stdout. The extension (.json .csv .sarif .xml .md .html) chooses the format unless -f is given' -r -F
complete -c govops -n "__fish_govops_needs_command" -l color -d 'When to use colour (NO_COLOR in the environment means never, unless `always`)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c govops -n "__fish_govops_needs_command" -l input-format -d 'Input format, instead of guessing from the file extension' -r -f -a "csv\t''
tsv\t''
json\t''
jsonl\t''
yaml\t''"
complete -c govops -n "__fish_govops_needs_command" -l encoding -d 'Text encoding of inputs [default: auto: UTF-8 (with or without BOM), else GB18030]' -r -f -a "auto\t''
utf8\t''
gbk\t''
gb18030\t''"
complete -c govops -n "__fish_govops_needs_command" -l lang -d 'Language of everything people read (zh: 简体中文, en: English) [default: GOVOPS_LANG, then LC_ALL, LC_MESSAGES, LANG; English otherwise]' -r -f -a "en\t'English'
zh\t'简体中文'"
complete -c govops -n "__fish_govops_needs_command" -s q -l quiet -d 'Print only the report: no notices on stderr'
complete -c govops -n "__fish_govops_needs_command" -s v -l verbose -d 'Explain what is being done on stderr'
complete -c govops -n "__fish_govops_needs_command" -l no-progress -d 'Never draw progress bars (they only appear when stderr is a terminal anyway)'
complete -c govops -n "__fish_govops_needs_command" -l wide -d 'Tables: show every column at full width instead of fitting the terminal'
complete -c govops -n "__fish_govops_needs_command" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c govops -n "__fish_govops_needs_command" -s V -l version -d 'Print version'
complete -c govops -n "__fish_govops_needs_command" -f -a "audit" -d 'Audit a service catalog: duplicates, gaps, inconsistencies, field quality'
complete -c govops -n "__fish_govops_needs_command" -f -a "sharing" -d 'Data-sharing health: registry checks, the sharing graph, live HTTP probes, history'
complete -c govops -n "__fish_govops_needs_command" -f -a "balance" -d 'Regional balance report: composite index, tiers, inequality, laggards'
complete -c govops -n "__fish_govops_needs_command" -f -a "monitor" -d 'Live terminal monitor (or --once: one frame as plain text, for scripts)'
complete -c govops -n "__fish_govops_needs_command" -f -a "check" -d 'Run everything the profile configures; one summary, one exit code (for CI)'
complete -c govops -n "__fish_govops_needs_command" -f -a "sample" -d 'Write realistic synthetic data on the real region hierarchy, with ground truth'
complete -c govops -n "__fish_govops_needs_command" -f -a "profile" -d 'List, show, validate or create profiles'
complete -c govops -n "__fish_govops_needs_command" -f -a "completions" -d 'Print a shell completion script to stdout'
complete -c govops -n "__fish_govops_needs_command" -f -a "man" -d 'Write man pages (govops.1 and one per command) into a directory'
complete -c govops -n "__fish_govops_needs_command" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c govops -n "__fish_govops_using_subcommand audit" -l catalog -d 'Service catalog (implementation list): file, - for stdin, or http(s) URL' -r
complete -c govops -n "__fish_govops_using_subcommand audit" -l baseline -d 'Basic catalog (基本目录) the regions must implement' -r
complete -c govops -n "__fish_govops_using_subcommand audit" -l regions -d 'Region set [default: China\'s built-in four-level hierarchy]' -r
complete -c govops -n "__fish_govops_using_subcommand audit" -l fail-on -d 'Lowest severity that makes the exit code 1' -r -f -a "low\t''
medium\t''
high\t''
never\t''"
complete -c govops -n "__fish_govops_using_subcommand audit" -l only -d 'Run only rules whose names start with one of these prefixes (e.g. duplicate.,gap.)' -r
complete -c govops -n "__fish_govops_using_subcommand audit" -l threshold -d 'Similarity (0..1) at which two names count as near duplicates' -r
complete -c govops -n "__fish_govops_using_subcommand audit" -l explain -d 'Explain one rule in full, then exit' -r -f -a "duplicate.record\t'the same implementation code (id) appears on two rows'
duplicate.item\t'one region implements the same basic item twice'
duplicate.name\t'one department registers the same service twice under two codes'
duplicate.near_name\t'one department registers near-same services under two codes'
duplicate.cross_department\t'two departments of one region register the same or near-same service'
gap.missing_item\t'a basic-catalog item required at this region\'s level is not implemented here'
gap.peer_missing\t'most sibling regions implement an item that this region lacks'
gap.offline_only\t'the service cannot be done online at all'
gap.no_mobile_channel\t'the service is online but not on any mobile channel'
consistency.name\t'the item\'s name differs from the basic catalog (four levels, four same)'
consistency.type\t'the item\'s type differs from the basic catalog'
consistency.basis\t'the item\'s legal basis differs from the basic catalog'
consistency.time_limit\t'the promised time limit exceeds the statutory limit'
consistency.depth_visits\t'a fully online service still needs in-person visits'
quality.missing_field\t'a required field is empty'
quality.unknown_region\t'the region code is not in the region set'
quality.unknown_item\t'the item code is not in the basic catalog'
quality.bad_value\t'an optional field holds a value of the wrong kind'
code.structure\t'the implementation code does not follow the coding layout'
code.credit_format\t'the agency\'s credit code is not an 18-character unified social credit code'
code.credit_check\t'the agency\'s credit code has a wrong check character'
code.credit_division\t'the agency\'s credit code was issued in another region'
code.division\t'the division segment of the implementation code is not the row\'s region'
code.type_segment\t'the type segment of the 基本编码 disagrees with the declared type'
input.empty\t'a catalog, registry or metrics file has no rows'
sharing.metadata\t'an interface without dataset, provider, url or frequency cannot be relied on'
sharing.orphan\t'an interface nobody consumes spares no citizen any paper'
sharing.stale\t'data older than its declared frequency sends citizens back to the counter'
sharing.silo\t'a department that shares with nobody is an information silo'
sharing.one_way\t'a department that only consumes never gives its own data back'
sharing.unreachable\t'the interface cannot be reached: refused, reset, DNS failure or closed connection'
sharing.timeout\t'the interface did not answer within the probe deadline'
sharing.http_status\t'the interface answered with an unexpected HTTP status'
sharing.redirects\t'too many redirects, or a redirect to another scheme'
sharing.oversize\t'the reply is larger than the size cap'
sharing.tls\t'the certificate is invalid, expired, untrusted or about to expire'
sharing.slow\t'the reply took longer than the interface\'s latency SLO'
sharing.body\t'the reply is not the expected content'
sharing.type_missing\t'the interface declares no sharing type (无条件 / 有条件 / 不予共享)'
sharing.conditions_missing\t'有条件共享 without its conditions'
sharing.legal_basis_missing\t'不予共享 without the law or regulation it rests on'
cases.rectification_overdue\t'差评 not rectified within the working-day deadline'
cases.overdue_rate\t'too many cases finished past their working-day limit'
cases.satisfaction\t'citizens\' satisfaction is below the target'
cases.orphans\t'many events are for cases the stream never saw submitted'"
complete -c govops -n "__fish_govops_using_subcommand audit" -s p -l profile -d 'Profile to use: a name (./profiles/NAME.yaml, the user config dir, built-in) or a path' -r
complete -c govops -n "__fish_govops_using_subcommand audit" -s f -l format -d 'Output format [default: from the -o extension, else table on a terminal, json otherwise]' -r -f -a "table\t'Aligned table for people (default on a terminal)'
json\t'The JSON envelope (default when stdout is not a terminal)'
csv\t'Comma-separated findings or rows'
markdown\t'GitHub-flavoured Markdown'
html\t'One self-contained HTML page'
sarif\t'SARIF 2.1.0, for code-scanning UIs'
junit\t'JUnit XML, for CI test reports'
text\t'Plain text frame (monitor --once)'"
complete -c govops -n "__fish_govops_using_subcommand audit" -s o -l output -d 'Write the report to FILE (atomically; never an input); `-` is stdout. The extension (.json .csv .sarif .xml .md .html) chooses the format unless -f is given' -r -F
complete -c govops -n "__fish_govops_using_subcommand audit" -l color -d 'When to use colour (NO_COLOR in the environment means never, unless `always`)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c govops -n "__fish_govops_using_subcommand audit" -l input-format -d 'Input format, instead of guessing from the file extension' -r -f -a "csv\t''
tsv\t''
json\t''
jsonl\t''
yaml\t''"
complete -c govops -n "__fish_govops_using_subcommand audit" -l encoding -d 'Text encoding of inputs [default: auto: UTF-8 (with or without BOM), else GB18030]' -r -f -a "auto\t''
utf8\t''
gbk\t''
gb18030\t''"
complete -c govops -n "__fish_govops_using_subcommand audit" -l lang -d 'Language of everything people read (zh: 简体中文, en: English) [default: GOVOPS_LANG, then LC_ALL, LC_MESSAGES, LANG; English otherwise]' -r -f -a "en\t'English'
zh\t'简体中文'"
complete -c govops -n "__fish_govops_using_subcommand audit" -l list-rules -d 'List the rules with their severity and a one-line reason, then exit'
complete -c govops -n "__fish_govops_using_subcommand audit" -s q -l quiet -d 'Print only the report: no notices on stderr'
complete -c govops -n "__fish_govops_using_subcommand audit" -s v -l verbose -d 'Explain what is being done on stderr'
complete -c govops -n "__fish_govops_using_subcommand audit" -l no-progress -d 'Never draw progress bars (they only appear when stderr is a terminal anyway)'
complete -c govops -n "__fish_govops_using_subcommand audit" -l wide -d 'Tables: show every column at full width instead of fitting the terminal'
complete -c govops -n "__fish_govops_using_subcommand audit" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c govops -n "__fish_govops_using_subcommand audit" -s V -l version -d 'Print version'
complete -c govops -n "__fish_govops_using_subcommand sharing; and not __fish_seen_subcommand_from watch help" -l registry -d 'Sharing registry (YAML with `interfaces:`, or CSV): file, - or URL' -r
complete -c govops -n "__fish_govops_using_subcommand sharing; and not __fish_seen_subcommand_from watch help" -l catalog -d 'Service catalog, for materials coverage (which papers an interface makes unnecessary)' -r
complete -c govops -n "__fish_govops_using_subcommand sharing; and not __fish_seen_subcommand_from watch help" -l concurrency -d 'Probes in flight at once' -r
complete -c govops -n "__fish_govops_using_subcommand sharing; and not __fish_seen_subcommand_from watch help" -l timeout -d 'Deadline per probe, e.g. 500ms, 2s, 1m' -r
complete -c govops -n "__fish_govops_using_subcommand sharing; and not __fish_seen_subcommand_from watch help" -l deadline -d 'Deadline for the whole probe run' -r
complete -c govops -n "__fish_govops_using_subcommand sharing; and not __fish_seen_subcommand_from watch help" -l history -d 'SQLite file that keeps every probe, for availability and latency over time' -r -F
complete -c govops -n "__fish_govops_using_subcommand sharing; and not __fish_seen_subcommand_from watch help" -l retention -d 'With --history: delete probes older than this, e.g. 30d' -r
complete -c govops -n "__fish_govops_using_subcommand sharing; and not __fish_seen_subcommand_from watch help" -l ca-file -d 'PEM file of extra CA certificates (private CAs)' -r -F
complete -c govops -n "__fish_govops_using_subcommand sharing; and not __fish_seen_subcommand_from watch help" -l fail-on -d 'Lowest severity that makes the exit code 1' -r -f -a "low\t''
medium\t''
high\t''
never\t''"
complete -c govops -n "__fish_govops_using_subcommand sharing; and not __fish_seen_subcommand_from watch help" -l explain -d 'Explain one rule in full, then exit' -r -f -a "duplicate.record\t'the same implementation code (id) appears on two rows'
duplicate.item\t'one region implements the same basic item twice'
duplicate.name\t'one department registers the same service twice under two codes'
duplicate.near_name\t'one department registers near-same services under two codes'
duplicate.cross_department\t'two departments of one region register the same or near-same service'
gap.missing_item\t'a basic-catalog item required at this region\'s level is not implemented here'
gap.peer_missing\t'most sibling regions implement an item that this region lacks'
gap.offline_only\t'the service cannot be done online at all'
gap.no_mobile_channel\t'the service is online but not on any mobile channel'
consistency.name\t'the item\'s name differs from the basic catalog (four levels, four same)'
consistency.type\t'the item\'s type differs from the basic catalog'
consistency.basis\t'the item\'s legal basis differs from the basic catalog'
consistency.time_limit\t'the promised time limit exceeds the statutory limit'
consistency.depth_visits\t'a fully online service still needs in-person visits'
quality.missing_field\t'a required field is empty'
quality.unknown_region\t'the region code is not in the region set'
quality.unknown_item\t'the item code is not in the basic catalog'
quality.bad_value\t'an optional field holds a value of the wrong kind'
code.structure\t'the implementation code does not follow the coding layout'
code.credit_format\t'the agency\'s credit code is not an 18-character unified social credit code'
code.credit_check\t'the agency\'s credit code has a wrong check character'
code.credit_division\t'the agency\'s credit code was issued in another region'
code.division\t'the division segment of the implementation code is not the row\'s region'
code.type_segment\t'the type segment of the 基本编码 disagrees with the declared type'
input.empty\t'a catalog, registry or metrics file has no rows'
sharing.metadata\t'an interface without dataset, provider, url or frequency cannot be relied on'
sharing.orphan\t'an interface nobody consumes spares no citizen any paper'
sharing.stale\t'data older than its declared frequency sends citizens back to the counter'
sharing.silo\t'a department that shares with nobody is an information silo'
sharing.one_way\t'a department that only consumes never gives its own data back'
sharing.unreachable\t'the interface cannot be reached: refused, reset, DNS failure or closed connection'
sharing.timeout\t'the interface did not answer within the probe deadline'
sharing.http_status\t'the interface answered with an unexpected HTTP status'
sharing.redirects\t'too many redirects, or a redirect to another scheme'
sharing.oversize\t'the reply is larger than the size cap'
sharing.tls\t'the certificate is invalid, expired, untrusted or about to expire'
sharing.slow\t'the reply took longer than the interface\'s latency SLO'
sharing.body\t'the reply is not the expected content'
sharing.type_missing\t'the interface declares no sharing type (无条件 / 有条件 / 不予共享)'
sharing.conditions_missing\t'有条件共享 without its conditions'
sharing.legal_basis_missing\t'不予共享 without the law or regulation it rests on'
cases.rectification_overdue\t'差评 not rectified within the working-day deadline'
cases.overdue_rate\t'too many cases finished past their working-day limit'
cases.satisfaction\t'citizens\' satisfaction is below the target'
cases.orphans\t'many events are for cases the stream never saw submitted'"
complete -c govops -n "__fish_govops_using_subcommand sharing; and not __fish_seen_subcommand_from watch help" -s p -l profile -d 'Profile to use: a name (./profiles/NAME.yaml, the user config dir, built-in) or a path' -r
complete -c govops -n "__fish_govops_using_subcommand sharing; and not __fish_seen_subcommand_from watch help" -s f -l format -d 'Output format [default: from the -o extension, else table on a terminal, json otherwise]' -r -f -a "table\t'Aligned table for people (default on a terminal)'
json\t'The JSON envelope (default when stdout is not a terminal)'
csv\t'Comma-separated findings or rows'
markdown\t'GitHub-flavoured Markdown'
html\t'One self-contained HTML page'
sarif\t'SARIF 2.1.0, for code-scanning UIs'
junit\t'JUnit XML, for CI test reports'
text\t'Plain text frame (monitor --once)'"
complete -c govops -n "__fish_govops_using_subcommand sharing; and not __fish_seen_subcommand_from watch help" -s o -l output -d 'Write the report to FILE (atomically; never an input); `-` is stdout. The extension (.json .csv .sarif .xml .md .html) chooses the format unless -f is given' -r -F
complete -c govops -n "__fish_govops_using_subcommand sharing; and not __fish_seen_subcommand_from watch help" -l color -d 'When to use colour (NO_COLOR in the environment means never, unless `always`)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c govops -n "__fish_govops_using_subcommand sharing; and not __fish_seen_subcommand_from watch help" -l input-format -d 'Input format, instead of guessing from the file extension' -r -f -a "csv\t''
tsv\t''
json\t''
jsonl\t''
yaml\t''"
complete -c govops -n "__fish_govops_using_subcommand sharing; and not __fish_seen_subcommand_from watch help" -l encoding -d 'Text encoding of inputs [default: auto: UTF-8 (with or without BOM), else GB18030]' -r -f -a "auto\t''
utf8\t''
gbk\t''
gb18030\t''"
complete -c govops -n "__fish_govops_using_subcommand sharing; and not __fish_seen_subcommand_from watch help" -l lang -d 'Language of everything people read (zh: 简体中文, en: English) [default: GOVOPS_LANG, then LC_ALL, LC_MESSAGES, LANG; English otherwise]' -r -f -a "en\t'English'
zh\t'简体中文'"
complete -c govops -n "__fish_govops_using_subcommand sharing; and not __fish_seen_subcommand_from watch help" -l probe -d 'Probe every interface live over HTTP(S)'
complete -c govops -n "__fish_govops_using_subcommand sharing; and not __fish_seen_subcommand_from watch help" -l list-rules -d 'List the rules with their severity and a one-line reason, then exit'
complete -c govops -n "__fish_govops_using_subcommand sharing; and not __fish_seen_subcommand_from watch help" -s q -l quiet -d 'Print only the report: no notices on stderr'
complete -c govops -n "__fish_govops_using_subcommand sharing; and not __fish_seen_subcommand_from watch help" -s v -l verbose -d 'Explain what is being done on stderr'
complete -c govops -n "__fish_govops_using_subcommand sharing; and not __fish_seen_subcommand_from watch help" -l no-progress -d 'Never draw progress bars (they only appear when stderr is a terminal anyway)'
complete -c govops -n "__fish_govops_using_subcommand sharing; and not __fish_seen_subcommand_from watch help" -l wide -d 'Tables: show every column at full width instead of fitting the terminal'
complete -c govops -n "__fish_govops_using_subcommand sharing; and not __fish_seen_subcommand_from watch help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c govops -n "__fish_govops_using_subcommand sharing; and not __fish_seen_subcommand_from watch help" -s V -l version -d 'Print version'
complete -c govops -n "__fish_govops_using_subcommand sharing; and not __fish_seen_subcommand_from watch help" -f -a "watch" -d 'Probe every interface on its own interval until stopped; alert, record, serve /metrics'
complete -c govops -n "__fish_govops_using_subcommand sharing; and not __fish_seen_subcommand_from watch help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c govops -n "__fish_govops_using_subcommand sharing; and __fish_seen_subcommand_from watch" -l registry -d 'Sharing registry (YAML with `interfaces:`, or CSV): file, - or URL' -r
complete -c govops -n "__fish_govops_using_subcommand sharing; and __fish_seen_subcommand_from watch" -l history -d 'SQLite file to record every probe in' -r -F
complete -c govops -n "__fish_govops_using_subcommand sharing; and __fish_seen_subcommand_from watch" -l interval -d 'Interval for interfaces without their own (profile sharing.watch.intervals), e.g. 1m' -r
complete -c govops -n "__fish_govops_using_subcommand sharing; and __fish_seen_subcommand_from watch" -l failure-threshold -d 'Consecutive failures that raise an alert' -r
complete -c govops -n "__fish_govops_using_subcommand sharing; and __fish_seen_subcommand_from watch" -l success-threshold -d 'Consecutive successes that clear it' -r
complete -c govops -n "__fish_govops_using_subcommand sharing; and __fish_seen_subcommand_from watch" -l webhook -d 'POST every alert and recovery as JSON to this URL' -r
complete -c govops -n "__fish_govops_using_subcommand sharing; and __fish_seen_subcommand_from watch" -l serve -d 'Serve /metrics (OpenMetrics) and /healthz on this address, e.g. 127.0.0.1:9464' -r
complete -c govops -n "__fish_govops_using_subcommand sharing; and __fish_seen_subcommand_from watch" -l for -d 'Stop after this long (default: run until SIGTERM or SIGINT)' -r
complete -c govops -n "__fish_govops_using_subcommand sharing; and __fish_seen_subcommand_from watch" -l log-format -d 'Log lines on stderr as text or JSON' -r -f -a "text\t''
json\t''"
complete -c govops -n "__fish_govops_using_subcommand sharing; and __fish_seen_subcommand_from watch" -l concurrency -d 'Probes in flight at once' -r
complete -c govops -n "__fish_govops_using_subcommand sharing; and __fish_seen_subcommand_from watch" -l timeout -d 'Deadline per probe, e.g. 500ms, 2s' -r
complete -c govops -n "__fish_govops_using_subcommand sharing; and __fish_seen_subcommand_from watch" -l ca-file -d 'PEM file of extra CA certificates (private CAs)' -r -F
complete -c govops -n "__fish_govops_using_subcommand sharing; and __fish_seen_subcommand_from watch" -s p -l profile -d 'Profile to use: a name (./profiles/NAME.yaml, the user config dir, built-in) or a path' -r
complete -c govops -n "__fish_govops_using_subcommand sharing; and __fish_seen_subcommand_from watch" -s f -l format -d 'Output format [default: from the -o extension, else table on a terminal, json otherwise]' -r -f -a "table\t'Aligned table for people (default on a terminal)'
json\t'The JSON envelope (default when stdout is not a terminal)'
csv\t'Comma-separated findings or rows'
markdown\t'GitHub-flavoured Markdown'
html\t'One self-contained HTML page'
sarif\t'SARIF 2.1.0, for code-scanning UIs'
junit\t'JUnit XML, for CI test reports'
text\t'Plain text frame (monitor --once)'"
complete -c govops -n "__fish_govops_using_subcommand sharing; and __fish_seen_subcommand_from watch" -s o -l output -d 'Write the report to FILE (atomically; never an input); `-` is stdout. The extension (.json .csv .sarif .xml .md .html) chooses the format unless -f is given' -r -F
complete -c govops -n "__fish_govops_using_subcommand sharing; and __fish_seen_subcommand_from watch" -l color -d 'When to use colour (NO_COLOR in the environment means never, unless `always`)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c govops -n "__fish_govops_using_subcommand sharing; and __fish_seen_subcommand_from watch" -l input-format -d 'Input format, instead of guessing from the file extension' -r -f -a "csv\t''
tsv\t''
json\t''
jsonl\t''
yaml\t''"
complete -c govops -n "__fish_govops_using_subcommand sharing; and __fish_seen_subcommand_from watch" -l encoding -d 'Text encoding of inputs [default: auto: UTF-8 (with or without BOM), else GB18030]' -r -f -a "auto\t''
utf8\t''
gbk\t''
gb18030\t''"
complete -c govops -n "__fish_govops_using_subcommand sharing; and __fish_seen_subcommand_from watch" -l lang -d 'Language of everything people read (zh: 简体中文, en: English) [default: GOVOPS_LANG, then LC_ALL, LC_MESSAGES, LANG; English otherwise]' -r -f -a "en\t'English'
zh\t'简体中文'"
complete -c govops -n "__fish_govops_using_subcommand sharing; and __fish_seen_subcommand_from watch" -s q -l quiet -d 'Print only the report: no notices on stderr'
complete -c govops -n "__fish_govops_using_subcommand sharing; and __fish_seen_subcommand_from watch" -s v -l verbose -d 'Explain what is being done on stderr'
complete -c govops -n "__fish_govops_using_subcommand sharing; and __fish_seen_subcommand_from watch" -l no-progress -d 'Never draw progress bars (they only appear when stderr is a terminal anyway)'
complete -c govops -n "__fish_govops_using_subcommand sharing; and __fish_seen_subcommand_from watch" -l wide -d 'Tables: show every column at full width instead of fitting the terminal'
complete -c govops -n "__fish_govops_using_subcommand sharing; and __fish_seen_subcommand_from watch" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c govops -n "__fish_govops_using_subcommand sharing; and __fish_seen_subcommand_from watch" -s V -l version -d 'Print version'
complete -c govops -n "__fish_govops_using_subcommand sharing; and __fish_seen_subcommand_from help" -f -a "watch" -d 'Probe every interface on its own interval until stopped; alert, record, serve /metrics'
complete -c govops -n "__fish_govops_using_subcommand sharing; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c govops -n "__fish_govops_using_subcommand balance" -l metrics -d 'Regional metrics: region_code plus numeric indicator columns' -r
complete -c govops -n "__fish_govops_using_subcommand balance" -l catalog -d 'Derive indicators from a service catalog instead' -r
complete -c govops -n "__fish_govops_using_subcommand balance" -l baseline -d 'Basic catalog, for gap indicators when deriving from a catalog' -r
complete -c govops -n "__fish_govops_using_subcommand balance" -l regions -d 'Region set [default: China\'s built-in four-level hierarchy]' -r
complete -c govops -n "__fish_govops_using_subcommand balance" -l level -d 'Administrative level to compare' -r -f -a "province\t''
city\t''
county\t''
township\t''"
complete -c govops -n "__fish_govops_using_subcommand balance" -l indicators -d 'Indicators with optional weight and direction, e.g. online_rate=2,avg_visits:lower' -r
complete -c govops -n "__fish_govops_using_subcommand balance" -l group-by -d 'Decompose inequality by: group, macro_region, parent, level or any column' -r
complete -c govops -n "__fish_govops_using_subcommand balance" -l weight -d 'Weight regions by a column for the weighted measures (population)' -r
complete -c govops -n "__fish_govops_using_subcommand balance" -l normalise -d 'Normalisation of indicators before the composite index' -r -f -a "ratio\t'Ratio to the best region'
minmax\t'(x - min) / (max - min)'"
complete -c govops -n "__fish_govops_using_subcommand balance" -l permutations -d 'Permutations for the p-value of the between-group share' -r
complete -c govops -n "__fish_govops_using_subcommand balance" -l fail-on -d 'Lowest severity that makes the exit code 1 (balance\'s one finding is input.empty)' -r -f -a "low\t''
medium\t''
high\t''
never\t''"
complete -c govops -n "__fish_govops_using_subcommand balance" -s p -l profile -d 'Profile to use: a name (./profiles/NAME.yaml, the user config dir, built-in) or a path' -r
complete -c govops -n "__fish_govops_using_subcommand balance" -s f -l format -d 'Output format [default: from the -o extension, else table on a terminal, json otherwise]' -r -f -a "table\t'Aligned table for people (default on a terminal)'
json\t'The JSON envelope (default when stdout is not a terminal)'
csv\t'Comma-separated findings or rows'
markdown\t'GitHub-flavoured Markdown'
html\t'One self-contained HTML page'
sarif\t'SARIF 2.1.0, for code-scanning UIs'
junit\t'JUnit XML, for CI test reports'
text\t'Plain text frame (monitor --once)'"
complete -c govops -n "__fish_govops_using_subcommand balance" -s o -l output -d 'Write the report to FILE (atomically; never an input); `-` is stdout. The extension (.json .csv .sarif .xml .md .html) chooses the format unless -f is given' -r -F
complete -c govops -n "__fish_govops_using_subcommand balance" -l color -d 'When to use colour (NO_COLOR in the environment means never, unless `always`)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c govops -n "__fish_govops_using_subcommand balance" -l input-format -d 'Input format, instead of guessing from the file extension' -r -f -a "csv\t''
tsv\t''
json\t''
jsonl\t''
yaml\t''"
complete -c govops -n "__fish_govops_using_subcommand balance" -l encoding -d 'Text encoding of inputs [default: auto: UTF-8 (with or without BOM), else GB18030]' -r -f -a "auto\t''
utf8\t''
gbk\t''
gb18030\t''"
complete -c govops -n "__fish_govops_using_subcommand balance" -l lang -d 'Language of everything people read (zh: 简体中文, en: English) [default: GOVOPS_LANG, then LC_ALL, LC_MESSAGES, LANG; English otherwise]' -r -f -a "en\t'English'
zh\t'简体中文'"
complete -c govops -n "__fish_govops_using_subcommand balance" -s q -l quiet -d 'Print only the report: no notices on stderr'
complete -c govops -n "__fish_govops_using_subcommand balance" -s v -l verbose -d 'Explain what is being done on stderr'
complete -c govops -n "__fish_govops_using_subcommand balance" -l no-progress -d 'Never draw progress bars (they only appear when stderr is a terminal anyway)'
complete -c govops -n "__fish_govops_using_subcommand balance" -l wide -d 'Tables: show every column at full width instead of fitting the terminal'
complete -c govops -n "__fish_govops_using_subcommand balance" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c govops -n "__fish_govops_using_subcommand balance" -s V -l version -d 'Print version'
complete -c govops -n "__fish_govops_using_subcommand monitor" -l events -d 'Event stream (JSON Lines): file (followed like tail -f), - for stdin, or http(s) URL' -r
complete -c govops -n "__fish_govops_using_subcommand monitor" -l registry -d 'Sharing registry whose interfaces to probe and show' -r
complete -c govops -n "__fish_govops_using_subcommand monitor" -l refresh -d 'Screen refresh and probe interval, e.g. 1s, 500ms' -r
complete -c govops -n "__fish_govops_using_subcommand monitor" -l size -d 'Frame size for --once, WIDTHxHEIGHT' -r
complete -c govops -n "__fish_govops_using_subcommand monitor" -l explain -d 'Explain one rule in full, then exit' -r -f -a "duplicate.record\t'the same implementation code (id) appears on two rows'
duplicate.item\t'one region implements the same basic item twice'
duplicate.name\t'one department registers the same service twice under two codes'
duplicate.near_name\t'one department registers near-same services under two codes'
duplicate.cross_department\t'two departments of one region register the same or near-same service'
gap.missing_item\t'a basic-catalog item required at this region\'s level is not implemented here'
gap.peer_missing\t'most sibling regions implement an item that this region lacks'
gap.offline_only\t'the service cannot be done online at all'
gap.no_mobile_channel\t'the service is online but not on any mobile channel'
consistency.name\t'the item\'s name differs from the basic catalog (four levels, four same)'
consistency.type\t'the item\'s type differs from the basic catalog'
consistency.basis\t'the item\'s legal basis differs from the basic catalog'
consistency.time_limit\t'the promised time limit exceeds the statutory limit'
consistency.depth_visits\t'a fully online service still needs in-person visits'
quality.missing_field\t'a required field is empty'
quality.unknown_region\t'the region code is not in the region set'
quality.unknown_item\t'the item code is not in the basic catalog'
quality.bad_value\t'an optional field holds a value of the wrong kind'
code.structure\t'the implementation code does not follow the coding layout'
code.credit_format\t'the agency\'s credit code is not an 18-character unified social credit code'
code.credit_check\t'the agency\'s credit code has a wrong check character'
code.credit_division\t'the agency\'s credit code was issued in another region'
code.division\t'the division segment of the implementation code is not the row\'s region'
code.type_segment\t'the type segment of the 基本编码 disagrees with the declared type'
input.empty\t'a catalog, registry or metrics file has no rows'
sharing.metadata\t'an interface without dataset, provider, url or frequency cannot be relied on'
sharing.orphan\t'an interface nobody consumes spares no citizen any paper'
sharing.stale\t'data older than its declared frequency sends citizens back to the counter'
sharing.silo\t'a department that shares with nobody is an information silo'
sharing.one_way\t'a department that only consumes never gives its own data back'
sharing.unreachable\t'the interface cannot be reached: refused, reset, DNS failure or closed connection'
sharing.timeout\t'the interface did not answer within the probe deadline'
sharing.http_status\t'the interface answered with an unexpected HTTP status'
sharing.redirects\t'too many redirects, or a redirect to another scheme'
sharing.oversize\t'the reply is larger than the size cap'
sharing.tls\t'the certificate is invalid, expired, untrusted or about to expire'
sharing.slow\t'the reply took longer than the interface\'s latency SLO'
sharing.body\t'the reply is not the expected content'
sharing.type_missing\t'the interface declares no sharing type (无条件 / 有条件 / 不予共享)'
sharing.conditions_missing\t'有条件共享 without its conditions'
sharing.legal_basis_missing\t'不予共享 without the law or regulation it rests on'
cases.rectification_overdue\t'差评 not rectified within the working-day deadline'
cases.overdue_rate\t'too many cases finished past their working-day limit'
cases.satisfaction\t'citizens\' satisfaction is below the target'
cases.orphans\t'many events are for cases the stream never saw submitted'"
complete -c govops -n "__fish_govops_using_subcommand monitor" -s p -l profile -d 'Profile to use: a name (./profiles/NAME.yaml, the user config dir, built-in) or a path' -r
complete -c govops -n "__fish_govops_using_subcommand monitor" -s f -l format -d 'Output format [default: from the -o extension, else table on a terminal, json otherwise]' -r -f -a "table\t'Aligned table for people (default on a terminal)'
json\t'The JSON envelope (default when stdout is not a terminal)'
csv\t'Comma-separated findings or rows'
markdown\t'GitHub-flavoured Markdown'
html\t'One self-contained HTML page'
sarif\t'SARIF 2.1.0, for code-scanning UIs'
junit\t'JUnit XML, for CI test reports'
text\t'Plain text frame (monitor --once)'"
complete -c govops -n "__fish_govops_using_subcommand monitor" -s o -l output -d 'Write the report to FILE (atomically; never an input); `-` is stdout. The extension (.json .csv .sarif .xml .md .html) chooses the format unless -f is given' -r -F
complete -c govops -n "__fish_govops_using_subcommand monitor" -l color -d 'When to use colour (NO_COLOR in the environment means never, unless `always`)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c govops -n "__fish_govops_using_subcommand monitor" -l input-format -d 'Input format, instead of guessing from the file extension' -r -f -a "csv\t''
tsv\t''
json\t''
jsonl\t''
yaml\t''"
complete -c govops -n "__fish_govops_using_subcommand monitor" -l encoding -d 'Text encoding of inputs [default: auto: UTF-8 (with or without BOM), else GB18030]' -r -f -a "auto\t''
utf8\t''
gbk\t''
gb18030\t''"
complete -c govops -n "__fish_govops_using_subcommand monitor" -l lang -d 'Language of everything people read (zh: 简体中文, en: English) [default: GOVOPS_LANG, then LC_ALL, LC_MESSAGES, LANG; English otherwise]' -r -f -a "en\t'English'
zh\t'简体中文'"
complete -c govops -n "__fish_govops_using_subcommand monitor" -l once -d 'Ingest what is available now, print one frame (or the state with -f json) and exit'
complete -c govops -n "__fish_govops_using_subcommand monitor" -l list-rules -d 'List the rules `check` judges the case stream by, then exit'
complete -c govops -n "__fish_govops_using_subcommand monitor" -s q -l quiet -d 'Print only the report: no notices on stderr'
complete -c govops -n "__fish_govops_using_subcommand monitor" -s v -l verbose -d 'Explain what is being done on stderr'
complete -c govops -n "__fish_govops_using_subcommand monitor" -l no-progress -d 'Never draw progress bars (they only appear when stderr is a terminal anyway)'
complete -c govops -n "__fish_govops_using_subcommand monitor" -l wide -d 'Tables: show every column at full width instead of fitting the terminal'
complete -c govops -n "__fish_govops_using_subcommand monitor" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c govops -n "__fish_govops_using_subcommand monitor" -s V -l version -d 'Print version'
complete -c govops -n "__fish_govops_using_subcommand check" -l fail-on -d 'Lowest severity that makes the exit code 1' -r -f -a "low\t''
medium\t''
high\t''
never\t''"
complete -c govops -n "__fish_govops_using_subcommand check" -s p -l profile -d 'Profile to use: a name (./profiles/NAME.yaml, the user config dir, built-in) or a path' -r
complete -c govops -n "__fish_govops_using_subcommand check" -s f -l format -d 'Output format [default: from the -o extension, else table on a terminal, json otherwise]' -r -f -a "table\t'Aligned table for people (default on a terminal)'
json\t'The JSON envelope (default when stdout is not a terminal)'
csv\t'Comma-separated findings or rows'
markdown\t'GitHub-flavoured Markdown'
html\t'One self-contained HTML page'
sarif\t'SARIF 2.1.0, for code-scanning UIs'
junit\t'JUnit XML, for CI test reports'
text\t'Plain text frame (monitor --once)'"
complete -c govops -n "__fish_govops_using_subcommand check" -s o -l output -d 'Write the report to FILE (atomically; never an input); `-` is stdout. The extension (.json .csv .sarif .xml .md .html) chooses the format unless -f is given' -r -F
complete -c govops -n "__fish_govops_using_subcommand check" -l color -d 'When to use colour (NO_COLOR in the environment means never, unless `always`)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c govops -n "__fish_govops_using_subcommand check" -l input-format -d 'Input format, instead of guessing from the file extension' -r -f -a "csv\t''
tsv\t''
json\t''
jsonl\t''
yaml\t''"
complete -c govops -n "__fish_govops_using_subcommand check" -l encoding -d 'Text encoding of inputs [default: auto: UTF-8 (with or without BOM), else GB18030]' -r -f -a "auto\t''
utf8\t''
gbk\t''
gb18030\t''"
complete -c govops -n "__fish_govops_using_subcommand check" -l lang -d 'Language of everything people read (zh: 简体中文, en: English) [default: GOVOPS_LANG, then LC_ALL, LC_MESSAGES, LANG; English otherwise]' -r -f -a "en\t'English'
zh\t'简体中文'"
complete -c govops -n "__fish_govops_using_subcommand check" -l no-probe -d 'Skip live probes even if the profile asks for them'
complete -c govops -n "__fish_govops_using_subcommand check" -s q -l quiet -d 'Print only the report: no notices on stderr'
complete -c govops -n "__fish_govops_using_subcommand check" -s v -l verbose -d 'Explain what is being done on stderr'
complete -c govops -n "__fish_govops_using_subcommand check" -l no-progress -d 'Never draw progress bars (they only appear when stderr is a terminal anyway)'
complete -c govops -n "__fish_govops_using_subcommand check" -l wide -d 'Tables: show every column at full width instead of fitting the terminal'
complete -c govops -n "__fish_govops_using_subcommand check" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c govops -n "__fish_govops_using_subcommand check" -s V -l version -d 'Print version'
complete -c govops -n "__fish_govops_using_subcommand sample" -l scale -d 'How much to generate: demo (one province in detail), province, or national (~10 M rows)' -r -f -a "demo\t'One province in full detail plus national metrics (thousands of rows)'
province\t'One province at full density (hundreds of thousands of rows)'
national\t'The whole country (about 10 million catalog rows, streamed)'"
complete -c govops -n "__fish_govops_using_subcommand sample" -l seed -d 'Random seed; the same seed always gives the same files' -r
complete -c govops -n "__fish_govops_using_subcommand sample" -l out -d 'Directory to write catalog.csv, baseline.csv, sharing.yaml, metrics.csv, events.jsonl, truth.json' -r -F
complete -c govops -n "__fish_govops_using_subcommand sample" -s p -l profile -d 'Profile to use: a name (./profiles/NAME.yaml, the user config dir, built-in) or a path' -r
complete -c govops -n "__fish_govops_using_subcommand sample" -s f -l format -d 'Output format [default: from the -o extension, else table on a terminal, json otherwise]' -r -f -a "table\t'Aligned table for people (default on a terminal)'
json\t'The JSON envelope (default when stdout is not a terminal)'
csv\t'Comma-separated findings or rows'
markdown\t'GitHub-flavoured Markdown'
html\t'One self-contained HTML page'
sarif\t'SARIF 2.1.0, for code-scanning UIs'
junit\t'JUnit XML, for CI test reports'
text\t'Plain text frame (monitor --once)'"
complete -c govops -n "__fish_govops_using_subcommand sample" -s o -l output -d 'Write the report to FILE (atomically; never an input); `-` is stdout. The extension (.json .csv .sarif .xml .md .html) chooses the format unless -f is given' -r -F
complete -c govops -n "__fish_govops_using_subcommand sample" -l color -d 'When to use colour (NO_COLOR in the environment means never, unless `always`)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c govops -n "__fish_govops_using_subcommand sample" -l input-format -d 'Input format, instead of guessing from the file extension' -r -f -a "csv\t''
tsv\t''
json\t''
jsonl\t''
yaml\t''"
complete -c govops -n "__fish_govops_using_subcommand sample" -l encoding -d 'Text encoding of inputs [default: auto: UTF-8 (with or without BOM), else GB18030]' -r -f -a "auto\t''
utf8\t''
gbk\t''
gb18030\t''"
complete -c govops -n "__fish_govops_using_subcommand sample" -l lang -d 'Language of everything people read (zh: 简体中文, en: English) [default: GOVOPS_LANG, then LC_ALL, LC_MESSAGES, LANG; English otherwise]' -r -f -a "en\t'English'
zh\t'简体中文'"
complete -c govops -n "__fish_govops_using_subcommand sample" -l force -d 'Overwrite files already in DIR'
complete -c govops -n "__fish_govops_using_subcommand sample" -s q -l quiet -d 'Print only the report: no notices on stderr'
complete -c govops -n "__fish_govops_using_subcommand sample" -s v -l verbose -d 'Explain what is being done on stderr'
complete -c govops -n "__fish_govops_using_subcommand sample" -l no-progress -d 'Never draw progress bars (they only appear when stderr is a terminal anyway)'
complete -c govops -n "__fish_govops_using_subcommand sample" -l wide -d 'Tables: show every column at full width instead of fitting the terminal'
complete -c govops -n "__fish_govops_using_subcommand sample" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c govops -n "__fish_govops_using_subcommand sample" -s V -l version -d 'Print version'
complete -c govops -n "__fish_govops_using_subcommand profile; and not __fish_seen_subcommand_from list show validate init help" -s p -l profile -d 'Profile to use: a name (./profiles/NAME.yaml, the user config dir, built-in) or a path' -r
complete -c govops -n "__fish_govops_using_subcommand profile; and not __fish_seen_subcommand_from list show validate init help" -s f -l format -d 'Output format [default: from the -o extension, else table on a terminal, json otherwise]' -r -f -a "table\t'Aligned table for people (default on a terminal)'
json\t'The JSON envelope (default when stdout is not a terminal)'
csv\t'Comma-separated findings or rows'
markdown\t'GitHub-flavoured Markdown'
html\t'One self-contained HTML page'
sarif\t'SARIF 2.1.0, for code-scanning UIs'
junit\t'JUnit XML, for CI test reports'
text\t'Plain text frame (monitor --once)'"
complete -c govops -n "__fish_govops_using_subcommand profile; and not __fish_seen_subcommand_from list show validate init help" -s o -l output -d 'Write the report to FILE (atomically; never an input); `-` is stdout. The extension (.json .csv .sarif .xml .md .html) chooses the format unless -f is given' -r -F
complete -c govops -n "__fish_govops_using_subcommand profile; and not __fish_seen_subcommand_from list show validate init help" -l color -d 'When to use colour (NO_COLOR in the environment means never, unless `always`)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c govops -n "__fish_govops_using_subcommand profile; and not __fish_seen_subcommand_from list show validate init help" -l input-format -d 'Input format, instead of guessing from the file extension' -r -f -a "csv\t''
tsv\t''
json\t''
jsonl\t''
yaml\t''"
complete -c govops -n "__fish_govops_using_subcommand profile; and not __fish_seen_subcommand_from list show validate init help" -l encoding -d 'Text encoding of inputs [default: auto: UTF-8 (with or without BOM), else GB18030]' -r -f -a "auto\t''
utf8\t''
gbk\t''
gb18030\t''"
complete -c govops -n "__fish_govops_using_subcommand profile; and not __fish_seen_subcommand_from list show validate init help" -l lang -d 'Language of everything people read (zh: 简体中文, en: English) [default: GOVOPS_LANG, then LC_ALL, LC_MESSAGES, LANG; English otherwise]' -r -f -a "en\t'English'
zh\t'简体中文'"
complete -c govops -n "__fish_govops_using_subcommand profile; and not __fish_seen_subcommand_from list show validate init help" -s q -l quiet -d 'Print only the report: no notices on stderr'
complete -c govops -n "__fish_govops_using_subcommand profile; and not __fish_seen_subcommand_from list show validate init help" -s v -l verbose -d 'Explain what is being done on stderr'
complete -c govops -n "__fish_govops_using_subcommand profile; and not __fish_seen_subcommand_from list show validate init help" -l no-progress -d 'Never draw progress bars (they only appear when stderr is a terminal anyway)'
complete -c govops -n "__fish_govops_using_subcommand profile; and not __fish_seen_subcommand_from list show validate init help" -l wide -d 'Tables: show every column at full width instead of fitting the terminal'
complete -c govops -n "__fish_govops_using_subcommand profile; and not __fish_seen_subcommand_from list show validate init help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c govops -n "__fish_govops_using_subcommand profile; and not __fish_seen_subcommand_from list show validate init help" -s V -l version -d 'Print version'
complete -c govops -n "__fish_govops_using_subcommand profile; and not __fish_seen_subcommand_from list show validate init help" -f -a "list" -d 'List the profiles that can be used, and where each comes from'
complete -c govops -n "__fish_govops_using_subcommand profile; and not __fish_seen_subcommand_from list show validate init help" -f -a "show" -d 'Print a profile (resolved) as YAML'
complete -c govops -n "__fish_govops_using_subcommand profile; and not __fish_seen_subcommand_from list show validate init help" -f -a "validate" -d 'Check a profile and report every problem with line and column'
complete -c govops -n "__fish_govops_using_subcommand profile; and not __fish_seen_subcommand_from list show validate init help" -f -a "init" -d 'Write a commented starter profile'
complete -c govops -n "__fish_govops_using_subcommand profile; and not __fish_seen_subcommand_from list show validate init help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c govops -n "__fish_govops_using_subcommand profile; and __fish_seen_subcommand_from list" -s p -l profile -d 'Profile to use: a name (./profiles/NAME.yaml, the user config dir, built-in) or a path' -r
complete -c govops -n "__fish_govops_using_subcommand profile; and __fish_seen_subcommand_from list" -s f -l format -d 'Output format [default: from the -o extension, else table on a terminal, json otherwise]' -r -f -a "table\t'Aligned table for people (default on a terminal)'
json\t'The JSON envelope (default when stdout is not a terminal)'
csv\t'Comma-separated findings or rows'
markdown\t'GitHub-flavoured Markdown'
html\t'One self-contained HTML page'
sarif\t'SARIF 2.1.0, for code-scanning UIs'
junit\t'JUnit XML, for CI test reports'
text\t'Plain text frame (monitor --once)'"
complete -c govops -n "__fish_govops_using_subcommand profile; and __fish_seen_subcommand_from list" -s o -l output -d 'Write the report to FILE (atomically; never an input); `-` is stdout. The extension (.json .csv .sarif .xml .md .html) chooses the format unless -f is given' -r -F
complete -c govops -n "__fish_govops_using_subcommand profile; and __fish_seen_subcommand_from list" -l color -d 'When to use colour (NO_COLOR in the environment means never, unless `always`)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c govops -n "__fish_govops_using_subcommand profile; and __fish_seen_subcommand_from list" -l input-format -d 'Input format, instead of guessing from the file extension' -r -f -a "csv\t''
tsv\t''
json\t''
jsonl\t''
yaml\t''"
complete -c govops -n "__fish_govops_using_subcommand profile; and __fish_seen_subcommand_from list" -l encoding -d 'Text encoding of inputs [default: auto: UTF-8 (with or without BOM), else GB18030]' -r -f -a "auto\t''
utf8\t''
gbk\t''
gb18030\t''"
complete -c govops -n "__fish_govops_using_subcommand profile; and __fish_seen_subcommand_from list" -l lang -d 'Language of everything people read (zh: 简体中文, en: English) [default: GOVOPS_LANG, then LC_ALL, LC_MESSAGES, LANG; English otherwise]' -r -f -a "en\t'English'
zh\t'简体中文'"
complete -c govops -n "__fish_govops_using_subcommand profile; and __fish_seen_subcommand_from list" -s q -l quiet -d 'Print only the report: no notices on stderr'
complete -c govops -n "__fish_govops_using_subcommand profile; and __fish_seen_subcommand_from list" -s v -l verbose -d 'Explain what is being done on stderr'
complete -c govops -n "__fish_govops_using_subcommand profile; and __fish_seen_subcommand_from list" -l no-progress -d 'Never draw progress bars (they only appear when stderr is a terminal anyway)'
complete -c govops -n "__fish_govops_using_subcommand profile; and __fish_seen_subcommand_from list" -l wide -d 'Tables: show every column at full width instead of fitting the terminal'
complete -c govops -n "__fish_govops_using_subcommand profile; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c govops -n "__fish_govops_using_subcommand profile; and __fish_seen_subcommand_from list" -s V -l version -d 'Print version'
complete -c govops -n "__fish_govops_using_subcommand profile; and __fish_seen_subcommand_from show" -s p -l profile -d 'Profile to use: a name (./profiles/NAME.yaml, the user config dir, built-in) or a path' -r
complete -c govops -n "__fish_govops_using_subcommand profile; and __fish_seen_subcommand_from show" -s f -l format -d 'Output format [default: from the -o extension, else table on a terminal, json otherwise]' -r -f -a "table\t'Aligned table for people (default on a terminal)'
json\t'The JSON envelope (default when stdout is not a terminal)'
csv\t'Comma-separated findings or rows'
markdown\t'GitHub-flavoured Markdown'
html\t'One self-contained HTML page'
sarif\t'SARIF 2.1.0, for code-scanning UIs'
junit\t'JUnit XML, for CI test reports'
text\t'Plain text frame (monitor --once)'"
complete -c govops -n "__fish_govops_using_subcommand profile; and __fish_seen_subcommand_from show" -s o -l output -d 'Write the report to FILE (atomically; never an input); `-` is stdout. The extension (.json .csv .sarif .xml .md .html) chooses the format unless -f is given' -r -F
complete -c govops -n "__fish_govops_using_subcommand profile; and __fish_seen_subcommand_from show" -l color -d 'When to use colour (NO_COLOR in the environment means never, unless `always`)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c govops -n "__fish_govops_using_subcommand profile; and __fish_seen_subcommand_from show" -l input-format -d 'Input format, instead of guessing from the file extension' -r -f -a "csv\t''
tsv\t''
json\t''
jsonl\t''
yaml\t''"
complete -c govops -n "__fish_govops_using_subcommand profile; and __fish_seen_subcommand_from show" -l encoding -d 'Text encoding of inputs [default: auto: UTF-8 (with or without BOM), else GB18030]' -r -f -a "auto\t''
utf8\t''
gbk\t''
gb18030\t''"
complete -c govops -n "__fish_govops_using_subcommand profile; and __fish_seen_subcommand_from show" -l lang -d 'Language of everything people read (zh: 简体中文, en: English) [default: GOVOPS_LANG, then LC_ALL, LC_MESSAGES, LANG; English otherwise]' -r -f -a "en\t'English'
zh\t'简体中文'"
complete -c govops -n "__fish_govops_using_subcommand profile; and __fish_seen_subcommand_from show" -s q -l quiet -d 'Print only the report: no notices on stderr'
complete -c govops -n "__fish_govops_using_subcommand profile; and __fish_seen_subcommand_from show" -s v -l verbose -d 'Explain what is being done on stderr'
complete -c govops -n "__fish_govops_using_subcommand profile; and __fish_seen_subcommand_from show" -l no-progress -d 'Never draw progress bars (they only appear when stderr is a terminal anyway)'
complete -c govops -n "__fish_govops_using_subcommand profile; and __fish_seen_subcommand_from show" -l wide -d 'Tables: show every column at full width instead of fitting the terminal'
complete -c govops -n "__fish_govops_using_subcommand profile; and __fish_seen_subcommand_from show" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c govops -n "__fish_govops_using_subcommand profile; and __fish_seen_subcommand_from show" -s V -l version -d 'Print version'
complete -c govops -n "__fish_govops_using_subcommand profile; and __fish_seen_subcommand_from validate" -s p -l profile -d 'Profile to use: a name (./profiles/NAME.yaml, the user config dir, built-in) or a path' -r
complete -c govops -n "__fish_govops_using_subcommand profile; and __fish_seen_subcommand_from validate" -s f -l format -d 'Output format [default: from the -o extension, else table on a terminal, json otherwise]' -r -f -a "table\t'Aligned table for people (default on a terminal)'
json\t'The JSON envelope (default when stdout is not a terminal)'
csv\t'Comma-separated findings or rows'
markdown\t'GitHub-flavoured Markdown'
html\t'One self-contained HTML page'
sarif\t'SARIF 2.1.0, for code-scanning UIs'
junit\t'JUnit XML, for CI test reports'
text\t'Plain text frame (monitor --once)'"
complete -c govops -n "__fish_govops_using_subcommand profile; and __fish_seen_subcommand_from validate" -s o -l output -d 'Write the report to FILE (atomically; never an input); `-` is stdout. The extension (.json .csv .sarif .xml .md .html) chooses the format unless -f is given' -r -F
complete -c govops -n "__fish_govops_using_subcommand profile; and __fish_seen_subcommand_from validate" -l color -d 'When to use colour (NO_COLOR in the environment means never, unless `always`)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c govops -n "__fish_govops_using_subcommand profile; and __fish_seen_subcommand_from validate" -l input-format -d 'Input format, instead of guessing from the file extension' -r -f -a "csv\t''
tsv\t''
json\t''
jsonl\t''
yaml\t''"
complete -c govops -n "__fish_govops_using_subcommand profile; and __fish_seen_subcommand_from validate" -l encoding -d 'Text encoding of inputs [default: auto: UTF-8 (with or without BOM), else GB18030]' -r -f -a "auto\t''
utf8\t''
gbk\t''
gb18030\t''"
complete -c govops -n "__fish_govops_using_subcommand profile; and __fish_seen_subcommand_from validate" -l lang -d 'Language of everything people read (zh: 简体中文, en: English) [default: GOVOPS_LANG, then LC_ALL, LC_MESSAGES, LANG; English otherwise]' -r -f -a "en\t'English'
zh\t'简体中文'"
complete -c govops -n "__fish_govops_using_subcommand profile; and __fish_seen_subcommand_from validate" -s q -l quiet -d 'Print only the report: no notices on stderr'
complete -c govops -n "__fish_govops_using_subcommand profile; and __fish_seen_subcommand_from validate" -s v -l verbose -d 'Explain what is being done on stderr'
complete -c govops -n "__fish_govops_using_subcommand profile; and __fish_seen_subcommand_from validate" -l no-progress -d 'Never draw progress bars (they only appear when stderr is a terminal anyway)'
complete -c govops -n "__fish_govops_using_subcommand profile; and __fish_seen_subcommand_from validate" -l wide -d 'Tables: show every column at full width instead of fitting the terminal'
complete -c govops -n "__fish_govops_using_subcommand profile; and __fish_seen_subcommand_from validate" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c govops -n "__fish_govops_using_subcommand profile; and __fish_seen_subcommand_from validate" -s V -l version -d 'Print version'
complete -c govops -n "__fish_govops_using_subcommand profile; and __fish_seen_subcommand_from init" -s p -l profile -d 'Profile to use: a name (./profiles/NAME.yaml, the user config dir, built-in) or a path' -r
complete -c govops -n "__fish_govops_using_subcommand profile; and __fish_seen_subcommand_from init" -s f -l format -d 'Output format [default: from the -o extension, else table on a terminal, json otherwise]' -r -f -a "table\t'Aligned table for people (default on a terminal)'
json\t'The JSON envelope (default when stdout is not a terminal)'
csv\t'Comma-separated findings or rows'
markdown\t'GitHub-flavoured Markdown'
html\t'One self-contained HTML page'
sarif\t'SARIF 2.1.0, for code-scanning UIs'
junit\t'JUnit XML, for CI test reports'
text\t'Plain text frame (monitor --once)'"
complete -c govops -n "__fish_govops_using_subcommand profile; and __fish_seen_subcommand_from init" -s o -l output -d 'Write the report to FILE (atomically; never an input); `-` is stdout. The extension (.json .csv .sarif .xml .md .html) chooses the format unless -f is given' -r -F
complete -c govops -n "__fish_govops_using_subcommand profile; and __fish_seen_subcommand_from init" -l color -d 'When to use colour (NO_COLOR in the environment means never, unless `always`)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c govops -n "__fish_govops_using_subcommand profile; and __fish_seen_subcommand_from init" -l input-format -d 'Input format, instead of guessing from the file extension' -r -f -a "csv\t''
tsv\t''
json\t''
jsonl\t''
yaml\t''"
complete -c govops -n "__fish_govops_using_subcommand profile; and __fish_seen_subcommand_from init" -l encoding -d 'Text encoding of inputs [default: auto: UTF-8 (with or without BOM), else GB18030]' -r -f -a "auto\t''
utf8\t''
gbk\t''
gb18030\t''"
complete -c govops -n "__fish_govops_using_subcommand profile; and __fish_seen_subcommand_from init" -l lang -d 'Language of everything people read (zh: 简体中文, en: English) [default: GOVOPS_LANG, then LC_ALL, LC_MESSAGES, LANG; English otherwise]' -r -f -a "en\t'English'
zh\t'简体中文'"
complete -c govops -n "__fish_govops_using_subcommand profile; and __fish_seen_subcommand_from init" -l force -d 'Overwrite an existing file'
complete -c govops -n "__fish_govops_using_subcommand profile; and __fish_seen_subcommand_from init" -s q -l quiet -d 'Print only the report: no notices on stderr'
complete -c govops -n "__fish_govops_using_subcommand profile; and __fish_seen_subcommand_from init" -s v -l verbose -d 'Explain what is being done on stderr'
complete -c govops -n "__fish_govops_using_subcommand profile; and __fish_seen_subcommand_from init" -l no-progress -d 'Never draw progress bars (they only appear when stderr is a terminal anyway)'
complete -c govops -n "__fish_govops_using_subcommand profile; and __fish_seen_subcommand_from init" -l wide -d 'Tables: show every column at full width instead of fitting the terminal'
complete -c govops -n "__fish_govops_using_subcommand profile; and __fish_seen_subcommand_from init" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c govops -n "__fish_govops_using_subcommand profile; and __fish_seen_subcommand_from init" -s V -l version -d 'Print version'
complete -c govops -n "__fish_govops_using_subcommand profile; and __fish_seen_subcommand_from help" -f -a "list" -d 'List the profiles that can be used, and where each comes from'
complete -c govops -n "__fish_govops_using_subcommand profile; and __fish_seen_subcommand_from help" -f -a "show" -d 'Print a profile (resolved) as YAML'
complete -c govops -n "__fish_govops_using_subcommand profile; and __fish_seen_subcommand_from help" -f -a "validate" -d 'Check a profile and report every problem with line and column'
complete -c govops -n "__fish_govops_using_subcommand profile; and __fish_seen_subcommand_from help" -f -a "init" -d 'Write a commented starter profile'
complete -c govops -n "__fish_govops_using_subcommand profile; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c govops -n "__fish_govops_using_subcommand completions" -s p -l profile -d 'Profile to use: a name (./profiles/NAME.yaml, the user config dir, built-in) or a path' -r
complete -c govops -n "__fish_govops_using_subcommand completions" -s f -l format -d 'Output format [default: from the -o extension, else table on a terminal, json otherwise]' -r -f -a "table\t'Aligned table for people (default on a terminal)'
json\t'The JSON envelope (default when stdout is not a terminal)'
csv\t'Comma-separated findings or rows'
markdown\t'GitHub-flavoured Markdown'
html\t'One self-contained HTML page'
sarif\t'SARIF 2.1.0, for code-scanning UIs'
junit\t'JUnit XML, for CI test reports'
text\t'Plain text frame (monitor --once)'"
complete -c govops -n "__fish_govops_using_subcommand completions" -s o -l output -d 'Write the report to FILE (atomically; never an input); `-` is stdout. The extension (.json .csv .sarif .xml .md .html) chooses the format unless -f is given' -r -F
complete -c govops -n "__fish_govops_using_subcommand completions" -l color -d 'When to use colour (NO_COLOR in the environment means never, unless `always`)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c govops -n "__fish_govops_using_subcommand completions" -l input-format -d 'Input format, instead of guessing from the file extension' -r -f -a "csv\t''
tsv\t''
json\t''
jsonl\t''
yaml\t''"
complete -c govops -n "__fish_govops_using_subcommand completions" -l encoding -d 'Text encoding of inputs [default: auto: UTF-8 (with or without BOM), else GB18030]' -r -f -a "auto\t''
utf8\t''
gbk\t''
gb18030\t''"
complete -c govops -n "__fish_govops_using_subcommand completions" -l lang -d 'Language of everything people read (zh: 简体中文, en: English) [default: GOVOPS_LANG, then LC_ALL, LC_MESSAGES, LANG; English otherwise]' -r -f -a "en\t'English'
zh\t'简体中文'"
complete -c govops -n "__fish_govops_using_subcommand completions" -s q -l quiet -d 'Print only the report: no notices on stderr'
complete -c govops -n "__fish_govops_using_subcommand completions" -s v -l verbose -d 'Explain what is being done on stderr'
complete -c govops -n "__fish_govops_using_subcommand completions" -l no-progress -d 'Never draw progress bars (they only appear when stderr is a terminal anyway)'
complete -c govops -n "__fish_govops_using_subcommand completions" -l wide -d 'Tables: show every column at full width instead of fitting the terminal'
complete -c govops -n "__fish_govops_using_subcommand completions" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c govops -n "__fish_govops_using_subcommand completions" -s V -l version -d 'Print version'
complete -c govops -n "__fish_govops_using_subcommand man" -l out -d 'Directory to write the man pages into' -r -F
complete -c govops -n "__fish_govops_using_subcommand man" -s p -l profile -d 'Profile to use: a name (./profiles/NAME.yaml, the user config dir, built-in) or a path' -r
complete -c govops -n "__fish_govops_using_subcommand man" -s f -l format -d 'Output format [default: from the -o extension, else table on a terminal, json otherwise]' -r -f -a "table\t'Aligned table for people (default on a terminal)'
json\t'The JSON envelope (default when stdout is not a terminal)'
csv\t'Comma-separated findings or rows'
markdown\t'GitHub-flavoured Markdown'
html\t'One self-contained HTML page'
sarif\t'SARIF 2.1.0, for code-scanning UIs'
junit\t'JUnit XML, for CI test reports'
text\t'Plain text frame (monitor --once)'"
complete -c govops -n "__fish_govops_using_subcommand man" -s o -l output -d 'Write the report to FILE (atomically; never an input); `-` is stdout. The extension (.json .csv .sarif .xml .md .html) chooses the format unless -f is given' -r -F
complete -c govops -n "__fish_govops_using_subcommand man" -l color -d 'When to use colour (NO_COLOR in the environment means never, unless `always`)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c govops -n "__fish_govops_using_subcommand man" -l input-format -d 'Input format, instead of guessing from the file extension' -r -f -a "csv\t''
tsv\t''
json\t''
jsonl\t''
yaml\t''"
complete -c govops -n "__fish_govops_using_subcommand man" -l encoding -d 'Text encoding of inputs [default: auto: UTF-8 (with or without BOM), else GB18030]' -r -f -a "auto\t''
utf8\t''
gbk\t''
gb18030\t''"
complete -c govops -n "__fish_govops_using_subcommand man" -l lang -d 'Language of everything people read (zh: 简体中文, en: English) [default: GOVOPS_LANG, then LC_ALL, LC_MESSAGES, LANG; English otherwise]' -r -f -a "en\t'English'
zh\t'简体中文'"
complete -c govops -n "__fish_govops_using_subcommand man" -s q -l quiet -d 'Print only the report: no notices on stderr'
complete -c govops -n "__fish_govops_using_subcommand man" -s v -l verbose -d 'Explain what is being done on stderr'
complete -c govops -n "__fish_govops_using_subcommand man" -l no-progress -d 'Never draw progress bars (they only appear when stderr is a terminal anyway)'
complete -c govops -n "__fish_govops_using_subcommand man" -l wide -d 'Tables: show every column at full width instead of fitting the terminal'
complete -c govops -n "__fish_govops_using_subcommand man" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c govops -n "__fish_govops_using_subcommand man" -s V -l version -d 'Print version'
complete -c govops -n "__fish_govops_using_subcommand help; and not __fish_seen_subcommand_from audit sharing balance monitor check sample profile completions man help" -f -a "audit" -d 'Audit a service catalog: duplicates, gaps, inconsistencies, field quality'
complete -c govops -n "__fish_govops_using_subcommand help; and not __fish_seen_subcommand_from audit sharing balance monitor check sample profile completions man help" -f -a "sharing" -d 'Data-sharing health: registry checks, the sharing graph, live HTTP probes, history'
complete -c govops -n "__fish_govops_using_subcommand help; and not __fish_seen_subcommand_from audit sharing balance monitor check sample profile completions man help" -f -a "balance" -d 'Regional balance report: composite index, tiers, inequality, laggards'
complete -c govops -n "__fish_govops_using_subcommand help; and not __fish_seen_subcommand_from audit sharing balance monitor check sample profile completions man help" -f -a "monitor" -d 'Live terminal monitor (or --once: one frame as plain text, for scripts)'
complete -c govops -n "__fish_govops_using_subcommand help; and not __fish_seen_subcommand_from audit sharing balance monitor check sample profile completions man help" -f -a "check" -d 'Run everything the profile configures; one summary, one exit code (for CI)'
complete -c govops -n "__fish_govops_using_subcommand help; and not __fish_seen_subcommand_from audit sharing balance monitor check sample profile completions man help" -f -a "sample" -d 'Write realistic synthetic data on the real region hierarchy, with ground truth'
complete -c govops -n "__fish_govops_using_subcommand help; and not __fish_seen_subcommand_from audit sharing balance monitor check sample profile completions man help" -f -a "profile" -d 'List, show, validate or create profiles'
complete -c govops -n "__fish_govops_using_subcommand help; and not __fish_seen_subcommand_from audit sharing balance monitor check sample profile completions man help" -f -a "completions" -d 'Print a shell completion script to stdout'
complete -c govops -n "__fish_govops_using_subcommand help; and not __fish_seen_subcommand_from audit sharing balance monitor check sample profile completions man help" -f -a "man" -d 'Write man pages (govops.1 and one per command) into a directory'
complete -c govops -n "__fish_govops_using_subcommand help; and not __fish_seen_subcommand_from audit sharing balance monitor check sample profile completions man help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c govops -n "__fish_govops_using_subcommand help; and __fish_seen_subcommand_from sharing" -f -a "watch" -d 'Probe every interface on its own interval until stopped; alert, record, serve /metrics'
complete -c govops -n "__fish_govops_using_subcommand help; and __fish_seen_subcommand_from profile" -f -a "list" -d 'List the profiles that can be used, and where each comes from'
complete -c govops -n "__fish_govops_using_subcommand help; and __fish_seen_subcommand_from profile" -f -a "show" -d 'Print a profile (resolved) as YAML'
complete -c govops -n "__fish_govops_using_subcommand help; and __fish_seen_subcommand_from profile" -f -a "validate" -d 'Check a profile and report every problem with line and column'
complete -c govops -n "__fish_govops_using_subcommand help; and __fish_seen_subcommand_from profile" -f -a "init" -d 'Write a commented starter profile'
