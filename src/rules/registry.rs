//! The rules themselves. Ids and severities are a stable interface: reports, SARIF baselines,
//! `--only` filters and CI gates name them. Keep each area's rules together, in report order.

use super::{Area, RuleInfo};
use crate::model::Severity::{High, Low, Medium};

pub(super) const RULES: &[RuleInfo] = &[
    // ------------------------------------------------------------------------------------
    // govops audit
    RuleInfo {
        id: "duplicate.record",
        area: Area::Audit,
        severity: High,
        title: "the same implementation code (id) appears on two rows",
        explanation: "Two or more rows carry the same `id` (实施编码). Every implemented service \
            must have a unique implementation code, or applications, ratings and statistics \
            cannot be attributed. The finding lists the id once per row and every line.",
        remedy: "Give each row its own implementation code, or delete the copy.",
        example: "id,item_code,name,region_code,department\n\
            A01,B001,食品经营许可证核发,330102,上城区市场监督管理局\n\
            A01,B005,建设工程消防验收备案,330106,西湖区住房和城乡建设局",
    },
    RuleInfo {
        id: "duplicate.item",
        area: Area::Audit,
        severity: High,
        title: "one region implements the same basic item twice",
        explanation: "Two or more rows of one region share an `item_code` (基本编码) under \
            different ids. Citizens see the service twice and cases split between the entries.",
        remedy: "Merge the rows into one implementation.",
        example: "id,item_code,name,region_code,department\n\
            C03,B003,结婚登记,330105,拱墅区民政局\n\
            C07,B003,结婚登记,330105,拱墅区民政局",
    },
    RuleInfo {
        id: "duplicate.name",
        area: Area::Audit,
        severity: High,
        title: "one department registers the same service twice under two codes",
        explanation: "Two rows of one region and one department have different item codes but \
            the same name, written identically (up to full/half width, case and spaces). Pairs \
            of codes that are two different items of the basic catalog are never reported.",
        remedy: "Keep the row whose code is in the basic catalog and retire the other.",
        example: "id,item_code,name,region_code,department\n\
            A07,B006,出生医学证明签发,330102,上城区卫生健康局\n\
            A11,L904,出生医学证明签发,330102,上城区卫生健康局",
    },
    RuleInfo {
        id: "duplicate.near_name",
        area: Area::Audit,
        severity: Medium,
        title: "one department registers near-same services under two codes",
        explanation: "Two rows of one region and one department have different item codes and \
            names that are the same once normalised (full/half width, traditional/simplified \
            characters, punctuation, spaces, bracketed qualifiers such as （新办）, filler words \
            such as 关于…/…办理; similarity 1) or near-identical after it (edit similarity at or \
            above --threshold, default 0.85; for one inserted character in a short Chinese name \
            of four to six characters, 0.1 below it; alphabetic names must also match word by \
            word). Candidates come from MinHash/LSH on character n-grams of the distinct names; \
            every candidate is verified exactly, and each name keeps only its best match. Two \
            different items of the basic catalog (食品经营许可证核发 / 食品生产许可证核发) are \
            not duplicates. The finding carries `similarity`.",
        remedy: "Merge the rows, or rename one so the difference is clear.",
        example: "id,item_code,name,region_code,department\n\
            A05,B005,建设工程消防验收备案,330102,上城区住房和城乡建设局\n\
            A06,L901,建设工程消防验收的备案,330102,上城区住房和城乡建设局",
    },
    RuleInfo {
        id: "duplicate.cross_department",
        area: Area::Audit,
        severity: Medium,
        title: "two departments of one region register the same or near-same service",
        explanation: "Like duplicate.name and duplicate.near_name, but the two rows belong to \
            different departments of the same region: overlapping responsibilities, where \
            citizens cannot tell which office to go to.",
        remedy: "Agree which department implements the service and retire the other \
            registration.",
        example: "id,item_code,name,region_code,department\n\
            A03,B003,结婚登记,330102,上城区民政局\n\
            A10,L903,结婚登记的办理,330102,上城区行政审批局",
    },
    RuleInfo {
        id: "gap.missing_item",
        area: Area::Audit,
        severity: High,
        title: "a basic-catalog item required at this region's level is not implemented here",
        explanation: "An item of the basic catalog (--baseline) whose `levels` include the \
            region's level has no row in that region. Only regions that appear in the catalog \
            are judged. The finding names the region and the item and lists no records (there \
            is no row).",
        remedy: "Add the implementation, or record why the region is exempt.",
        example: "baseline: item_code,name,levels\n\
            \x20         B003,结婚登记,county\n\
            catalog:  rows of 330106 西湖区 (a county), none with item_code B003",
    },
    RuleInfo {
        id: "gap.peer_missing",
        area: Area::Audit,
        severity: Medium,
        title: "most sibling regions implement an item that this region lacks",
        explanation: "Without a basic catalog: among regions at the same level under the same \
            parent, an item that at least `audit.peer_share` (default 0.8) of the siblings \
            implement (and at least 4 of them) is missing here.",
        remedy: "Add the item, or explain why it does not apply.",
        example: "id,item_code,name,region_code,department\n\
            P2,X2,离婚登记,330102,民政局     (and X2 in 330105, 330106, 330108: 4 of 5 siblings)\n\
            P9,X1,结婚登记,330109,民政局     (330109 has no X2)",
    },
    RuleInfo {
        id: "gap.offline_only",
        area: Area::Audit,
        severity: Medium,
        title: "the service cannot be done online at all",
        explanation: "The row's online depth is 0 (information only), or its channels include no \
            online channel (web, app, WeChat, Alipay, mini program). Rows that record neither \
            are not judged. One finding per department of a region lists all its rows.",
        remedy: "Offer at least online application (online depth 2).",
        example: "id,item_code,name,region_code,department,online_depth,channels\n\
            C02,B002,食品生产许可证核发,330105,拱墅区市场监督管理局,0,hall",
    },
    RuleInfo {
        id: "gap.no_mobile_channel",
        area: Area::Audit,
        severity: Low,
        title: "the service is online but not on any mobile channel",
        explanation: "The row lists its channels, has an online one, but none a citizen can use \
            from a phone (app, WeChat, Alipay, mini program). One finding per department of a \
            region lists all its rows.",
        remedy: "Publish it on the mobile channels the platform runs.",
        example: "id,item_code,name,region_code,department,online_depth,channels\n\
            C03,B003,结婚登记,330105,拱墅区民政局,2,hall;web",
    },
    RuleInfo {
        id: "consistency.name",
        area: Area::Audit,
        severity: Medium,
        title: "the item's name differs from the basic catalog (four levels, four same)",
        explanation: "Four levels, four same (四级四同): an item carries the same name at \
            province, city, county and township. The row's name differs from the basic catalog's \
            name for its item code (compared as written, up to width, case and spaces: a \
            traditional-script or bracketed variant is a difference), or, without a basic \
            catalog, from the name most rows with that code use.",
        remedy: "Use the standard name.",
        example: "baseline: B006,出生医学证明签发\n\
            catalog:  C05,B006,出生医学证明办证,330105,拱墅区卫生健康局",
    },
    RuleInfo {
        id: "consistency.type",
        area: Area::Audit,
        severity: Medium,
        title: "the item's type differs from the basic catalog",
        explanation: "The row's `type` (行政许可, 公共服务, …) differs from the basic catalog's \
            type for its item code, or without a basic catalog from the type most rows with that \
            code use.",
        remedy: "Use the standard type.",
        example: "baseline: B004,离婚登记,confirmation\n\
            catalog:  C04,B004,离婚登记,330105,拱墅区民政局,licensing",
    },
    RuleInfo {
        id: "consistency.basis",
        area: Area::Audit,
        severity: Low,
        title: "the item's legal basis differs from the basic catalog",
        explanation: "The row's legal basis (设定依据) differs from the basic catalog's, or \
            without one from the basis most rows with that code cite (compared ignoring \
            punctuation and spaces).",
        remedy: "Cite the standard basis.",
        example: "baseline: B001,食品经营许可证核发,《中华人民共和国食品安全法》第三十五条\n\
            catalog:  C01,B001,食品经营许可证核发,330105,拱墅区市场监督管理局,《食品安全法实施条例》",
    },
    RuleInfo {
        id: "consistency.time_limit",
        area: Area::Audit,
        severity: High,
        title: "the promised time limit exceeds the statutory limit",
        explanation: "The row's `promised_limit_days` is above its `legal_limit_days` (or, when \
            the row has none, the basic catalog's). A promise must never be longer than the law \
            allows.",
        remedy: "Shorten the promise.",
        example: "id,item_code,name,region_code,department,legal_limit_days,promised_limit_days\n\
            C01,B001,食品经营许可证核发,330105,拱墅区市场监督管理局,20,30",
    },
    RuleInfo {
        id: "consistency.depth_visits",
        area: Area::Audit,
        severity: Medium,
        title: "a fully online service still needs in-person visits",
        explanation: "The row claims online depth 4 (全程网办, fully online) yet `visits` is \
            above 0. One of the two is wrong.",
        remedy: "Correct the depth or remove the visit.",
        example: "id,item_code,name,region_code,department,visits,online_depth\n\
            C05,B006,出生医学证明办证,330105,拱墅区卫生健康局,1,4",
    },
    RuleInfo {
        id: "quality.missing_field",
        area: Area::Audit,
        severity: Medium,
        title: "a required field is empty",
        explanation: "One of id, item_code, name, region_code or department is empty on the row. \
            The row is still audited as far as possible.",
        remedy: "Fill the field.",
        example: "id,item_code,name,region_code,department\n\
            D02,B001,食品经营许可证核发,330106,",
    },
    RuleInfo {
        id: "quality.unknown_region",
        area: Area::Audit,
        severity: Medium,
        title: "the region code is not in the region set",
        explanation: "The row's `region_code` is not a region of the region set (China's \
            built-in hierarchy, or --regions). Its gaps cannot be judged. Codes of other \
            countries' catalogs are not judged against the Chinese set: pass --regions.",
        remedy: "Use the current division code.",
        example: "id,item_code,name,region_code,department\n\
            E01,B001,食品经营许可证核发,339999,某某区市场监督管理局   (浙江 has no 339999)",
    },
    RuleInfo {
        id: "quality.unknown_item",
        area: Area::Audit,
        severity: Low,
        title: "the item code is not in the basic catalog",
        explanation: "With --baseline: the row's `item_code` is not an item of the basic \
            catalog. Either the basic catalog is out of date or the row uses a local code.",
        remedy: "Map the row to its basic item.",
        example: "baseline: B001 … B008\n\
            catalog:  A06,L901,建设工程消防验收的备案,330102,上城区住房和城乡建设局",
    },
    RuleInfo {
        id: "quality.bad_value",
        area: Area::Audit,
        severity: Low,
        title: "an optional field holds a value of the wrong kind",
        explanation: "An optional field (type, level, time limits, visits, online depth, \
            channels) holds a value that cannot be read, e.g. `abc` as a number of days. The \
            value is ignored, and the finding names the field and its line.",
        remedy: "Correct the value.",
        example: "id,item_code,name,region_code,department,visits\n\
            C06,B007,出生医学证明补发,330105,拱墅区卫生健康局,abc",
    },
    RuleInfo {
        id: "code.structure",
        area: Area::Audit,
        severity: Medium,
        title: "the implementation code does not follow the coding layout",
        explanation: "GB/T 39554.1-2020 (全国一体化政务服务平台 政务服务事项基本目录及实施清单 \
            第1部分：编码要求) composes the 实施编码 (the row's `id`) from the 基本编码, the \
            implementing region's 12-digit division code, a 3-character segment, the implementing \
            agency's 18-character unified social credit code and two short segments, joined by \
            `-`, as provincial portals publish it. A row whose id has the wrong number of \
            segments (a missing division segment is the common case) or a segment of the wrong \
            length or characters is reported. A provincial layout (DB52/T 1264, DB22/T 2848 …) \
            replaces the national one with profile `audit.code_layout`. Catalogs whose ids are \
            not 实施编码 at all (fewer than half look like one) are not judged by the code.* rules.",
        remedy: "Regenerate the implementation code from its parts.",
        example: "id,item_code,name,region_code,department\n\
            511A0138000000-000-115113010833722043-1-00,511A0138000000,…,511602,…   (no division segment)",
    },
    RuleInfo {
        id: "code.credit_format",
        area: Area::Audit,
        severity: Medium,
        title: "the agency's credit code is not an 18-character unified social credit code",
        explanation: "GB 32100-2015 (法人和其他组织统一社会信用代码编码规则): the credit-code \
            segment of the 实施编码 must be 18 capitals and digits over 0-9A-Z without I, O, S, \
            V, Z. Reported: an old 9-character organisation code (组织机构代码, GB 11714, \
            recognised by its own check character), other lengths (17, 10 …), placeholders such \
            as 2222222222222, characters outside the alphabet, and lower-case check characters.",
        remedy: "Put the agency's unified social credit code, as registered, in the segment.",
        example: "id\n\
            511A0138000000-511602000000-000-08337220-4-1-00   (an organisation code)",
    },
    RuleInfo {
        id: "code.credit_check",
        area: Area::Audit,
        severity: High,
        title: "the agency's credit code has a wrong check character",
        explanation: "GB 32100-2015: the 18th character of a unified social credit code is a \
            check character: 31 − (Σ value × weight mod 31) over the first 17 characters, with \
            weights 1 3 9 27 19 26 16 17 20 29 25 13 8 24 10 30 28 and values in the order \
            0123456789ABCDEFGHJKLMNPQRTUWXY (31 becomes 0). A wrong check character is a \
            mistyped code: it names no agency, or the wrong one.",
        remedy: "Copy the code from the agency's registration certificate.",
        example: "id\n\
            511A0138000000-511602000000-000-115113010833722044-1-00   (GB 32100 gives 3)",
    },
    RuleInfo {
        id: "code.credit_division",
        area: Area::Audit,
        severity: Medium,
        title: "the agency's credit code was issued in another region",
        explanation: "GB 32100-2015: positions 3–8 of a unified social credit code are the \
            division code (GB/T 2260) of the registering authority. An implementing agency of a \
            region is registered in that region or one containing it; a code of an unrelated \
            division names another region's agency. Judged on Chinese division codes only.",
        remedy: "Use the credit code of the agency that implements the item in this region.",
        example: "id,item_code,name,region_code\n\
            330A0100000000-330102000000-000-11440300MB0000000U-1-00,…,…,330102   (issued in 440300)",
    },
    RuleInfo {
        id: "code.division",
        area: Area::Audit,
        severity: Medium,
        title: "the division segment of the implementation code is not the row's region",
        explanation: "GB/T 39554.1-2020 with GB/T 2260: the division segment of the 实施编码 is \
            the implementing region's 12-digit code. A segment of another region, or of a \
            higher level (a province's 510000000000 on a county item), misfiles the \
            implementation.",
        remedy: "Use the implementing region's own division code.",
        example: "id,item_code,name,region_code\n\
            511A0138000000-510000000000-000-115113010833722043-1-00,…,…,511602",
    },
    RuleInfo {
        id: "code.type_segment",
        area: Area::Audit,
        severity: Medium,
        title: "the type segment of the 基本编码 disagrees with the declared type",
        explanation: "GB/T 39554.1-2020: the 基本编码 carries the item type from a fixed code \
            list: 行政许可, 行政处罚, 行政强制, 行政征收, 行政给付, 行政检查, 行政确认, \
            行政奖励, 行政裁决, 其他行政权力, 公共服务. Built in: one capital at position 4, A to K \
            in that order (as Sichuan's 511A… licensing codes read). That letter order is not \
            verified against the standard's text (which is not public): check it against your \
            province's codes, and give the right list in profile `audit.code_layout`. The row's declared `type` must be the one \
            its code names.",
        remedy: "Correct the declared type, or the code if the item was filed under the wrong type.",
        example: "id,item_code,name,region_code,department,type\n\
            511K0138000000-511602000000-000-115113010833722043-1-00,…,…,511602,…,行政许可",
    },
    // ------------------------------------------------------------------------------------
    // The inputs (audit, sharing, balance and check judge these)
    RuleInfo {
        id: "input.empty",
        area: Area::Input,
        severity: High,
        title: "a catalog, registry or metrics file has no rows",
        explanation: "The input is empty, or has a header and no rows (or, with a profile \
            `filter:`, no row passes it). Nothing can be judged in it, and an empty export \
            is almost always a broken one: a failed job, a wrong query, a truncated download. \
            Without this finding an empty input would pass every gate with no findings at \
            all. The finding names the input.",
        remedy: "Fix the export. If the input may really be empty, say so in the profile: \
            `inputs: {allow_empty: true}`.",
        example: "id,item_code,name,region_code,department",
    },
    // ------------------------------------------------------------------------------------
    // govops sharing
    RuleInfo {
        id: "sharing.metadata",
        area: Area::Sharing,
        severity: Medium,
        title: "an interface without dataset, provider, url or frequency cannot be relied on",
        explanation: "Fires for every registry entry that lacks a dataset name, a provider, a \
            URL or a frequency, or whose `last_updated` is not a date (an entry without \
            consumers is sharing.orphan; one declared 不予共享 needs no URL). Without them nobody \
            knows who answers for the data, where it is, or how fresh it must be. The finding \
            lists the missing fields.",
        remedy: "Fill the missing fields in the registry.",
        example: "interfaces:\n\
            \x20 - {id: GX-004, dataset: 国有企业产权登记信息, provider: 省国资委,\n\
            \x20    consumers: [省地方金融管理局], frequency: monthly}     # no url",
    },
    RuleInfo {
        id: "sharing.orphan",
        area: Area::Sharing,
        severity: Low,
        title: "an interface nobody consumes spares no citizen any paper",
        explanation: "Fires when an interface lists no consumer department (not for one \
            declared 不予共享, which nobody is meant to consume).",
        remedy: "Find the departments that still ask citizens for this paper and connect them, \
            or retire the interface.",
        example: "interfaces:\n\
            \x20 - {id: GX-003, dataset: 婚姻档案查询, provider: 省档案馆,\n\
            \x20    url: \"https://gxpt.example.gov.cn/share/archive\", frequency: yearly}   # no consumers",
    },
    RuleInfo {
        id: "sharing.stale",
        area: Area::Sharing,
        severity: Medium,
        title: "data older than its declared frequency sends citizens back to the counter",
        explanation: "Statically: `last_updated` is older than the period of the declared \
            `frequency` (realtime 5 min, hourly, daily, weekly, monthly 31 d, quarterly 92 d, \
            yearly 366 d) times (1 + tolerance; profile `sharing.stale_tolerance`, default \
            0.5). Live (--probe): the data's own timestamp (`expect.freshness_field` in the JSON \
            reply, else the Last-Modified header) is older than that.",
        remedy: "Fix the provider's sync job.",
        example: "interfaces:\n\
            \x20 - {id: GX-002, frequency: monthly, last_updated: 2026-06-30, …}\n\
            \x20   # 152 days ago on 2026-11-29; a monthly interface allows 46 days",
    },
    RuleInfo {
        id: "sharing.silo",
        area: Area::Sharing,
        severity: Medium,
        title: "a department that shares with nobody is an information silo",
        explanation: "Fires for a department of the catalog or the registry that neither \
            provides to nor consumes from any other department, and for every island: a group \
            of departments that share only among themselves, cut off from the main sharing \
            network (a weakly connected component other than the largest).",
        remedy: "Connect the department: publish the records it holds as interfaces other \
            departments consume, or consume the interfaces that replace the papers it asks \
            citizens for; link an island to the main network.",
        example: "interfaces:\n\
            \x20 - {id: GX-003, provider: 省档案馆, …}                       # consumed by nobody\n\
            \x20 - {id: GX-004, provider: 省国资委, consumers: [省地方金融管理局], …}\n\
            \x20   # 省档案馆 is isolated; 省国资委 and 省地方金融管理局 are an island",
    },
    RuleInfo {
        id: "sharing.one_way",
        area: Area::Sharing,
        severity: Low,
        title: "a department that only consumes never gives its own data back",
        explanation: "Fires for a department that consumes at least one interface but provides \
            none. Its own records (certificates it issues, registrations it keeps) are then \
            papers other departments must still ask citizens for.",
        remedy: "Publish the department's own records as interfaces in the registry.",
        example: "interfaces:\n\
            \x20 - {id: GX-005, provider: 省人力资源和社会保障厅, consumers: [省政务服务中心], …}\n\
            \x20   # 省政务服务中心 provides no interface",
    },
    RuleInfo {
        id: "sharing.unreachable",
        area: Area::Sharing,
        severity: High,
        title: "the interface cannot be reached: refused, reset, DNS failure or closed connection",
        explanation: "The probe (--probe) could not complete an HTTP exchange: the connection \
            was refused or reset, the name did not resolve, or the server closed the connection \
            before a complete reply.",
        remedy: "Check the service, its firewall and its DNS record.",
        example: "url: https://gxpt.example.gov.cn/share/id-card\n\
            probe: connection refused",
    },
    RuleInfo {
        id: "sharing.timeout",
        area: Area::Sharing,
        severity: High,
        title: "the interface did not answer within the probe deadline",
        explanation: "The whole exchange (connect, TLS, headers and body) did not finish within \
            the per-probe deadline (`--timeout`, profile `sharing.timeout`, default 5s) or the \
            run's deadline (`--deadline`). A consumer waiting that long has given up.",
        remedy: "Find what keeps the service from answering in time (load, a slow query, the \
            network path) and fix it.",
        example: "govops sharing --probe --timeout 1s\n\
            probe: no complete reply within the deadline of 1000 ms (waiting for the reply)",
    },
    RuleInfo {
        id: "sharing.http_status",
        area: Area::Sharing,
        severity: High,
        title: "the interface answered with an unexpected HTTP status",
        explanation: "The reply's status is not `expect.status` (any 2xx when not set): a 404 \
            means a moved or removed interface, a 401/403 a credential problem, a 5xx a failing \
            service.",
        remedy: "For a 404, point the registry at the interface's new URL or retire it; for a \
            401/403, check the variable named in `auth.bearer_env` (the message says when it is \
            unset); for a 5xx, have the provider fix the service.",
        example: "url: https://gxpt.example.gov.cn/share/education\n\
            probe: HTTP 404, expected 2xx",
    },
    RuleInfo {
        id: "sharing.redirects",
        area: Area::Sharing,
        severity: Medium,
        title: "too many redirects, or a redirect to another scheme",
        explanation: "The probe followed more redirects than the cap (profile \
            `sharing.max_redirects`, default 5: a loop, usually), or a redirect changed the \
            scheme (https to http downgrades the channel; http to https means the registry URL \
            is out of date). A redirect that changes the scheme is never followed.",
        remedy: "Point the registry at the final URL.",
        example: "url: https://gxpt.example.gov.cn/share/lawyers  → 302 → … → 302\n\
            probe: more than 5 redirects (a redirect loop?)",
    },
    RuleInfo {
        id: "sharing.oversize",
        area: Area::Sharing,
        severity: Medium,
        title: "the reply is larger than the size cap",
        explanation: "The body grew beyond the cap (profile `sharing.max_body_bytes`, default \
            4 MiB); the probe stopped reading there.",
        remedy: "An interface that returns everything at once needs paging or a query \
            parameter.",
        example: "url: https://gxpt.example.gov.cn/share/population   (returns every record)\n\
            probe: body exceeds the cap of 4194304 bytes; stopped reading",
    },
    RuleInfo {
        id: "sharing.tls",
        area: Area::Sharing,
        severity: High,
        title: "the certificate is invalid, expired, untrusted or about to expire",
        explanation: "Certificates are verified against the system's web roots plus \
            `--ca-file` (for private CAs). Fires when the handshake fails on the certificate, \
            and (medium) when a valid certificate expires within `sharing.tls_expiry_days` \
            (default 14) days.",
        remedy: "Renew the certificate or install the issuing CA.",
        example: "url: https://gxpt.example.gov.cn/share/permits\n\
            probe: the certificate expires in 6 days (2026-12-05)      (medium)",
    },
    RuleInfo {
        id: "sharing.slow",
        area: Area::Sharing,
        severity: Medium,
        title: "the reply took longer than the interface's latency SLO",
        explanation: "The time to the complete reply exceeded `latency_slo_ms` of the registry \
            entry. Interfaces without an SLO are never slow.",
        remedy: "Speed the service up, or agree an SLO it can keep and record it in \
            `latency_slo_ms`.",
        example: "interfaces:\n\
            \x20 - {id: GX-ZR-001, latency_slo_ms: 300, …}\n\
            probe: 812 ms, over the SLO of 300 ms",
    },
    RuleInfo {
        id: "sharing.body",
        area: Area::Sharing,
        severity: High,
        title: "the reply is not the expected content",
        explanation: "The body is not valid JSON when `expect.json_field` or \
            `expect.freshness_field` is set, the field at that dotted path (e.g. `data.items`) \
            is missing, or the text in `expect.body_contains` does not occur. The interface \
            answers, but not with the data consumers rely on.",
        remedy: "Have the provider return the agreed content; if the interface changed on \
            purpose, update `expect` in the registry.",
        example: "interfaces:\n\
            \x20 - {id: GX-SW-001, expect: {json_field: data.records}, …}\n\
            probe: the JSON has no field `data.records`",
    },
    RuleInfo {
        id: "sharing.type_missing",
        area: Area::Sharing,
        severity: Medium,
        title: "the interface declares no sharing type (无条件 / 有条件 / 不予共享)",
        explanation: "国发〔2016〕51号 (政务信息资源共享管理暂行办法, 第九条) puts every shared \
            government information resource in one of three sharing types: 无条件共享 (any \
            department may use it), 有条件共享 (some departments, or part of it, on conditions) \
            or 不予共享 (not shared, on a legal basis). Fires for a registry entry without \
            `sharing_type`. Medium: nothing is broken yet, but consumers cannot tell whether \
            they may simply use the interface or must apply, so the resource is catalogued \
            without its most important attribute. None of the three sharing-type rules is \
            judged on CKAN or DCAT open-data catalogs, which have no fields for them (DCAT's \
            `dct:accessRights` PUBLIC / RESTRICTED / NON_PUBLIC is read as the type when given).",
        remedy: "Declare `sharing_type: unconditional`, `conditional` or `none` (无条件共享, \
            有条件共享, 不予共享) as the resource catalogue (政务信息资源目录) records it.",
        example: "interfaces:\n\
            \x20 - {id: GX-006, dataset: 社会保险参保信息, provider: 省人力资源和社会保障厅,\n\
            \x20    consumers: [省医疗保障局], …}                 # no sharing_type",
    },
    RuleInfo {
        id: "sharing.conditions_missing",
        area: Area::Sharing,
        severity: Medium,
        title: "有条件共享 without its conditions",
        explanation: "国发〔2016〕51号: 有条件共享 resources may be used by the relevant \
            departments only, or only in part; a consumer applies through the sharing platform \
            and the provider answers within 10 working days (第十四条). Fires for an entry \
            declared `conditional` (有条件共享) with no `share_conditions`. Medium: the data \
            still flows to those who apply, but without written conditions every request is \
            judged case by case and refusals cannot be checked.",
        remedy: "Write the conditions in `share_conditions`: which departments, for which \
            purpose, which fields or records, and how to apply.",
        example: "interfaces:\n\
            \x20 - {id: GX-007, dataset: 低保救助对象信息, sharing_type: 有条件共享, …}   # no share_conditions",
    },
    RuleInfo {
        id: "sharing.legal_basis_missing",
        area: Area::Sharing,
        severity: High,
        title: "不予共享 without the law or regulation it rests on",
        explanation: "国发〔2016〕51号 makes sharing the rule and not sharing the exception \
            (以共享为原则，不共享为例外, 第五条): a resource may be 不予共享 only on the basis of a \
            law, an administrative regulation or a policy of the Party Central Committee and \
            the State Council (第九条). Fires for an entry declared `none` (不予共享) with no \
            `legal_basis`. High: without a basis the withholding is itself against the rules, \
            and the department counts as an information silo. A 不予共享 entry is never probed \
            live, and a department whose interfaces are all 不予共享 with a legal basis is \
            reported as not shared by law (依法不予共享), not as a silo.",
        remedy: "Name the law or regulation (and its article) in `legal_basis`, or, when there \
            is none, share the resource: declare it unconditional or conditional.",
        example: "interfaces:\n\
            \x20 - {id: GX-008, dataset: 涉密档案目录, provider: 省档案馆, sharing_type: 不予共享, …}\n\
            \x20   # no legal_basis (e.g. 《中华人民共和国保守国家秘密法》第二条)",
    },
    RuleInfo {
        id: "cases.rectification_overdue",
        area: Area::Monitor,
        severity: High,
        title: "差评 not rectified within the working-day deadline",
        explanation: "国办发〔2019〕51号 (建立政务服务“好差评”制度) requires every 差评 \
            (a rating of 不满意 or 非常不满意) to be followed up and rectified; a common \
            provincial rule gives 15 working days (`monitor.rectify_days`). Fires once per \
            region holding 差评 that have no `rectified` event although that many working days \
            (State Council calendar, Asia/Shanghai) have passed since the rating.",
        remedy: "Contact the citizen (回访), fix what the rating was about, and record the \
            `followed_up` and `rectified` events in the platform's export.",
        example: "{\"ts\":\"2025-09-30T02:00:00Z\",\"type\":\"rated\",\"case_id\":\"SC-1001\",\"level\":\"非常不满意\"}\n\
            # no rectified event by 29 October 2025: the 15th working day was the 28th",
    },
    RuleInfo {
        id: "cases.overdue_rate",
        area: Area::Monitor,
        severity: Medium,
        title: "too many cases finished past their working-day limit",
        explanation: "The share of completed cases whose elapsed working days exceed their \
            promised or statutory limit is above `monitor.alerts.overdue_rate` (default 5 %). \
            Elapsed days are the event's `elapsed_days`, else counted between submission and \
            completion with the day of submission not counted.",
        remedy: "Look at the regions and items with the most overdue cases (`govops monitor`, \
            sorted by overdue) and at whether their promised limits are realistic.",
        example: "{\"type\":\"submitted\",\"case_id\":\"A\",\"ts\":\"2025-09-26T02:00:00Z\",\"limit_days\":2}\n\
            {\"type\":\"completed\",\"case_id\":\"A\",\"ts\":\"2025-09-30T02:00:00Z\"}  # 3 working days",
    },
    RuleInfo {
        id: "cases.satisfaction",
        area: Area::Monitor,
        severity: Medium,
        title: "citizens' satisfaction is below the target",
        explanation: "The share of ratings that are 满意 or 非常满意 is below \
            `monitor.alerts.satisfaction_below` (default 90 %).",
        remedy: "Read the 差评 and the regions with the lowest satisfaction in `govops monitor`; \
            fix the causes the ratings name.",
        example: "1,000 ratings, 850 of them 满意 or 非常满意: 85 % < 90 %",
    },
    RuleInfo {
        id: "cases.orphans",
        area: Area::Monitor,
        severity: Low,
        title: "many events are for cases the stream never saw submitted",
        explanation: "Events for cases never seen `submitted` are orphans: counted, never as \
            completions. Above `monitor.alerts.orphan_rate` of all events (default 20 %) the \
            export is probably missing its start (picked up mid-day, or a filter that drops \
            submissions), and its case figures describe only part of the work.",
        remedy: "Export the stream from the start of the period, or include the submissions of \
            the cases it closes.",
        example: "{\"type\":\"completed\",\"case_id\":\"SC-0999\"}   # never submitted in this stream",
    },
];
