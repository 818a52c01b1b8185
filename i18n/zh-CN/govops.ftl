# govops：简体中文消息。
# 与 ../en/govops.ftl 一一对应，占位符相同（src/report/i18n.rs 中有测试）。

## 通用

error-prefix = 错误
no-findings = 未发现问题。
findings-more = …另有 { $n } 条问题（完整列表请用 -f json 或 -f csv）
table-hidden-columns = （已隐藏 { $n } 列：{ $names }；加 --wide 显示全部）
severity-high = 高
severity-medium = 中
severity-low = 低
status-pass = 通过
status-fail = 未通过
status-skipped = 跳过
profile-builtin-demo = 内置演示数据
html-generated = 由 govops { $version } 生成于 { $time }
html-the-rest = 其余 { $n } 个

## 列标题

col-severity = 等级
col-rule = 规则
col-region = 地区
col-item = 事项
col-message = 问题说明
col-records = 记录
col-location = 位置
col-at = 位置
col-department = 部门
col-high = 高
col-medium = 中
col-low = 低
col-total = 合计
col-findings = 问题数
col-why = 原因
col-area = 检查项
col-status = 状态
col-key-figures = 关键指标
col-next = 下一步
col-figure = 指标
col-value = 数值
col-title = 说明
col-remedy = 整改建议
col-area-name = 检查项

## 指标

fig-rows = 实施清单条目
fig-regions = 地区
fig-items = 事项
fig-findings = 问题
fig-interfaces = 共享接口
fig-silos = 信息孤岛部门
fig-available = 可用
fig-gini = 基尼系数
fig-laggards = 落后地区
fig-lowest = 排名最后

## 检查项

area-audit = 事项目录审计
area-sharing = 数据共享
area-balance = 区域均衡

## audit

audit-title = 政务服务事项目录审计
audit-the-catalog = 实施清单
audit-headline = { $catalog } 审计结果：实施清单 { $rows } 条，涉及 { $regions } 个地区、{ $items } 项事项、{ $departments } 个部门。发现问题 { $findings } 条：高 { $high }、中 { $medium }、低 { $low }。
audit-fix-first = 优先整改：问题最严重的地区
audit-worst-departments = 问题最多的部门
audit-by-rule = 按规则统计
audit-top-findings = 主要问题（按严重程度，显示 { $shown } / { $total } 条）

## check

check-title = govops 综合检查
check-heading = govops 综合检查（配置：{ $profile }）
check-not-configured = 配置中未设置
check-fig-findings-value = { $total } 条（高 { $high }、中 { $medium }、低 { $low }）
check-next-fix = 先整改 { $n } 条「{ $title }」：govops { $command }
check-next-laggards = 关注 { $n } 个落后地区，排名最后：{ $worst }：govops { $command }
check-next-below = 无阻断问题；另有 { $n } 条低于门槛的问题可逐步整改：govops { $command }
check-next-none = 无需处理。
check-skip-audit = 如需审计，请在配置中设置 inputs.catalog（govops profile init）
check-skip-sharing = 如需检查数据共享，请在配置中设置 inputs.registry
check-skip-balance = 如需分析区域均衡，请在配置中设置 inputs.metrics 或 inputs.catalog
check-verdict-pass = 通过：没有达到 --fail-on { $gate } 的问题
check-verdict-fail = 未通过：{ $n } 条问题达到 --fail-on { $gate }
check-verdict = 结论
check-worst = 优先整改的问题
check-worst-of = { $area }：主要问题

## monitor：告警；check 的办件与好差评

alert-overdue-rate = 超期率 { $rate }，高于 { $max }（已办结 { $total } 件中 { $n } 件超过工作日时限）
alert-satisfaction = 满意率 { $rate }，低于 { $min }（{ $total } 条评价中差评 { $n } 条）
alert-interface-down = 接口 { $id } 不可用：连续 { $n } 次探测失败（{ $detail }）
alert-rectification-overdue = { $n } 条差评超过 { $days } 个工作日未整改（差评共 { $bad } 条）
alert-orphans = { $n } 条事件所属办件未见申请记录（占全部事件 { $rate }，高于 { $max }）：数据流缺少办件的起始记录
finding-rectification-overdue = { $region }：{ $n } 条差评超过 { $days } 个工作日未整改
cases-unknown-region = （未知地区）
fig-cases-submitted = 申请办件
fig-cases-overdue = 超期
fig-bad-ratings = 差评
fig-rectification-overdue = 逾期未整改差评
area-monitor = 办件与好差评
check-skip-monitor = 如需检查办件与好差评，请在配置中设置 inputs.events
check-next-rectify = 对 { $n } 条超期未整改的差评进行回访整改：govops { $command }

## 规则（标题、说明、整改建议）

rule-duplicate-record-title = 同一实施编码出现在多行
rule-duplicate-record-explanation = 两行或多行使用了相同的 `id`（实施编码）。每个实施的政务服务事项都必须有唯一的实施编码，否则办件、好差评和统计数据无法归属。问题中按行列出该编码及其所在行号。
rule-duplicate-record-remedy = 为每一行分配独立的实施编码，或删除重复行。
rule-duplicate-item-title = 同一地区重复实施同一基本目录事项
rule-duplicate-item-explanation = 同一地区有两行或多行使用相同的 `item_code`（基本编码），但实施编码不同。群众会看到两个相同的事项，办件也被分散到不同条目。
rule-duplicate-item-remedy = 将这些行合并为一个实施事项。
rule-duplicate-name-title = 同一部门以两个编码登记了同名事项
rule-duplicate-name-explanation = 同一地区、同一部门的两行事项编码不同，名称却完全相同（忽略全角/半角、大小写和空格）。若两个编码在基本目录中本来就是两个不同事项，则不报告。
rule-duplicate-name-remedy = 保留编码在基本目录中的那一行，停用另一行。
rule-duplicate-near_name-title = 同一部门以两个编码登记了近似相同的事项
rule-duplicate-near_name-explanation = 同一地区、同一部门的两行事项编码不同，名称在规范化后相同（统一全角/半角、繁简字、标点、空格，去掉（新办）等括注和“关于……”“……办理”等虚词，相似度为 1），或规范化后高度相似（编辑相似度不低于 --threshold，默认 0.85；四到六个字的中文短名称多出一个字时放宽 0.1；字母名称还须逐词一致）。候选对由名称字符 n-gram 的 MinHash/LSH 产生，每一对都精确复核，每个名称只保留最相近的一个。基本目录中本来就不同的两个事项（如食品经营许可证核发 / 食品生产许可证核发）不算重复。问题中带有 `similarity`（相似度）。
rule-duplicate-near_name-remedy = 合并这些行，或修改其中一个名称，使区别一目了然。
rule-duplicate-cross_department-title = 同一地区两个部门登记了相同或近似的事项
rule-duplicate-cross_department-explanation = 与 duplicate.name、duplicate.near_name 相同，但两行属于同一地区的不同部门：职责交叉，群众不知道该去哪个部门办理。
rule-duplicate-cross_department-remedy = 明确由哪个部门实施该事项，撤销另一部门的登记。
rule-gap-missing_item-title = 本级应实施的基本目录事项未实施
rule-gap-missing_item-explanation = 基本目录（--baseline）中某事项的 `levels`（实施层级）包含该地区的层级，但该地区的实施清单中没有对应行。只评判在实施清单中出现过的地区。问题注明地区和事项，不列记录（因为没有这一行）。
rule-gap-missing_item-remedy = 补充该事项的实施清单，或记录该地区免于实施的理由。
rule-gap-peer_missing-title = 多数同级地区已实施、本地区缺失的事项
rule-gap-peer_missing-explanation = 没有基本目录时：在同一上级之下的同级地区中，至少 `audit.peer_share`（默认 0.8）比例（且不少于 4 个）的地区实施了某事项，而本地区缺失。
rule-gap-peer_missing-remedy = 补充该事项，或说明其不适用的原因。
rule-gap-offline_only-title = 事项完全不能网上办理
rule-gap-offline_only-explanation = 该行的网办深度为 0（仅提供信息），或办理渠道中没有任何线上渠道（网站、App、微信、支付宝、小程序）。两项都未填写的行不评判。同一地区同一部门的所有此类行合为一条问题。
rule-gap-offline_only-remedy = 至少提供网上申请（网办深度 2）。
rule-gap-no_mobile_channel-title = 事项可网上办理但没有移动端渠道
rule-gap-no_mobile_channel-explanation = 该行列出了办理渠道，有线上渠道，但没有群众能在手机上使用的渠道（App、微信、支付宝、小程序）。同一地区同一部门的所有此类行合为一条问题。
rule-gap-no_mobile_channel-remedy = 在平台运营的移动端渠道上线该事项。
rule-consistency-name-title = 事项名称与基本目录不一致（四级四同）
rule-consistency-name-explanation = 四级四同：同一事项在省、市、县、乡四级名称相同。该行名称与基本目录中该编码的名称不同（按原文比较，仅忽略全角/半角、大小写和空格：繁体或带括注的写法也算不同）；没有基本目录时，与使用该编码的多数行的名称不同。
rule-consistency-name-remedy = 使用标准名称。
rule-consistency-type-title = 事项类型与基本目录不一致
rule-consistency-type-explanation = 该行的 `type`（行政许可、公共服务等）与基本目录中该编码的类型不同；没有基本目录时，与使用该编码的多数行的类型不同。
rule-consistency-type-remedy = 使用标准事项类型。
rule-consistency-basis-title = 设定依据与基本目录不一致
rule-consistency-basis-explanation = 该行的设定依据与基本目录不同；没有基本目录时，与使用该编码的多数行引用的依据不同（比较时忽略标点和空格）。
rule-consistency-basis-remedy = 引用标准设定依据。
rule-consistency-time_limit-title = 承诺时限超过法定时限
rule-consistency-time_limit-explanation = 该行的 `promised_limit_days`（承诺时限）大于 `legal_limit_days`（法定时限；该行未填写时取基本目录的法定时限）。承诺时限不得长于法律规定。
rule-consistency-time_limit-remedy = 缩短承诺时限。
rule-consistency-depth_visits-title = 标为全程网办的事项仍需到现场
rule-consistency-depth_visits-explanation = 该行声明网办深度为 4（全程网办），但 `visits`（到现场次数）大于 0，两者必有一错。
rule-consistency-depth_visits-remedy = 更正网办深度，或取消到现场环节。
rule-quality-missing_field-title = 必填字段为空
rule-quality-missing_field-explanation = 该行的实施编码、基本编码、事项名称、区划代码或实施部门之一为空。该行仍尽可能参与审计。
rule-quality-missing_field-remedy = 补全该字段。
rule-quality-unknown_region-title = 区划代码不在地区清单中
rule-quality-unknown_region-explanation = 该行的 `region_code` 不在地区清单中（内置的全国行政区划，或 --regions 指定的清单），无法判断缺项。其他国家的目录不按中国区划评判：请传入 --regions。
rule-quality-unknown_region-remedy = 使用现行行政区划代码。
rule-quality-unknown_item-title = 事项编码不在基本目录中
rule-quality-unknown_item-explanation = 指定 --baseline 时：该行的 `item_code` 不是基本目录中的事项。要么基本目录已过时，要么该行使用了地方自定编码。
rule-quality-unknown_item-remedy = 将该行对应到基本目录事项。
rule-quality-bad_value-title = 选填字段的值类型不对
rule-quality-bad_value-explanation = 某个选填字段（类型、层级、时限、到现场次数、网办深度、办理渠道）的值无法识别，例如天数写成 `abc`。该值被忽略，问题注明字段和行号。
rule-quality-bad_value-remedy = 更正该值。
rule-code-structure-title = 实施编码不符合编码规则
rule-code-structure-explanation = GB/T 39554.1-2020（全国一体化政务服务平台 政务服务事项基本目录及实施清单 第1部分：编码要求）规定，实施编码（即该行的 `id`）由基本编码、实施地区的 12 位区划代码、3 位段、实施机构的 18 位统一社会信用代码和两个短段以 `-` 连接组成，与省级平台公布的一致。段数不对（最常见的是缺少区划段）或某段长度、字符不对的行会被报告。省级规范（DB52/T 1264、DB22/T 2848 等）可用配置 `audit.code_layout` 替换国家版式。如果目录中不到一半的 id 像实施编码，则不按 code.* 规则评判。
rule-code-structure-remedy = 按各组成部分重新生成实施编码。
rule-code-credit_format-title = 实施机构代码不是 18 位统一社会信用代码
rule-code-credit_format-explanation = GB 32100-2015（法人和其他组织统一社会信用代码编码规则）：实施编码中的信用代码段应为 18 位，由数字和除 I、O、S、V、Z 以外的大写字母组成。会报告：9 位旧组织机构代码（GB 11714，按其校验码识别）、其他长度（17 位、10 位等）、2222222222222 之类的占位符、字符表以外的字符，以及小写校验码。
rule-code-credit_format-remedy = 在该段填写实施机构登记的统一社会信用代码。
rule-code-credit_check-title = 实施机构信用代码的校验码错误
rule-code-credit_check-explanation = GB 32100-2015：统一社会信用代码第 18 位是校验码，取前 17 位按权重 1 3 9 27 19 26 16 17 20 29 25 13 8 24 10 30 28 加权求和，31 − (和 mod 31)，字符取值顺序为 0123456789ABCDEFGHJKLMNPQRTUWXY（31 记为 0）。校验码错误说明代码录错了：它不指向任何机构，或指向了别的机构。
rule-code-credit_check-remedy = 按机构登记证书重新抄录代码。
rule-code-credit_division-title = 实施机构信用代码登记在其他地区
rule-code-credit_division-explanation = GB 32100-2015：统一社会信用代码第 3–8 位是登记管理机关的行政区划代码（GB/T 2260）。一个地区的实施机构应登记在本地区或其上级地区；无关区划的代码属于其他地区的机构。只对中国行政区划代码评判。
rule-code-credit_division-remedy = 使用在本地区实施该事项的机构的信用代码。
rule-code-division-title = 实施编码的区划段不是该行所在地区
rule-code-division-explanation = GB/T 39554.1-2020 与 GB/T 2260：实施编码的区划段是实施地区的 12 位代码。填成其他地区或上级地区（如县级事项填了省级的 510000000000）会把实施清单归错地方。
rule-code-division-remedy = 使用实施地区自己的区划代码。
rule-code-type_segment-title = 基本编码的类型段与申报的事项类型不一致
rule-code-type_segment-explanation = GB/T 39554.1-2020：基本编码中带有事项类型，取自固定代码表：行政许可、行政处罚、行政强制、行政征收、行政给付、行政检查、行政确认、行政奖励、行政裁决、其他行政权力、公共服务。内置规则：第 4 位为一个大写字母，按上述顺序为 A 到 K（与四川 511A… 行政许可编码一致）。该字母顺序未能与标准原文核对（原文未公开）：请对照本省编码核实，并在配置 `audit.code_layout` 中给出正确的代码表。该行申报的 `type` 必须与编码所示类型一致。
rule-code-type_segment-remedy = 更正申报的事项类型；如果事项归错了类型，则更正编码。
rule-input-empty-title = 实施清单或共享目录没有数据
rule-input-empty-explanation = 输入为空，或只有表头没有数据行（或配置了 `filter:` 后没有一行通过）。其中无从评判，而空的导出几乎总是出了故障：任务失败、查询写错、下载被截断。没有这一条，空输入会在没有任何问题的情况下通过所有门槛。问题注明是哪个输入。
rule-input-empty-remedy = 修复导出。如果输入确实可能为空，请在配置中写明：`inputs: {"{"}allow_empty: true{"}"}`。
rule-sharing-metadata-title = 接口缺少数据集、提供方、地址或更新频率，无法依赖
rule-sharing-metadata-explanation = 共享目录中缺少数据集名称、提供部门、URL 或更新频率，或 `last_updated` 不是日期的条目，每条都会报告（没有使用部门的条目属于 sharing.orphan；声明为不予共享的条目不需要 URL）。缺了这些，没人知道数据由谁负责、在哪里、应当多新。问题列出缺少的字段。
rule-sharing-metadata-remedy = 在共享目录中补齐缺少的字段。
rule-sharing-orphan-title = 接口无人使用，没有为群众减少任何材料
rule-sharing-orphan-explanation = 接口没有登记任何使用部门（声明为不予共享的条目除外，本来就不应有人使用）。
rule-sharing-orphan-remedy = 找到仍要求群众提交这份材料的部门并为其接入，或停用该接口。
rule-sharing-stale-title = 数据超过声明的更新周期，群众又被迫回到窗口
rule-sharing-stale-explanation = 静态检查：`last_updated` 早于所声明 `frequency` 的周期（实时 5 分钟、每小时、每天、每周、每月 31 天、每季 92 天、每年 366 天）乘以（1 + 容差；配置项 `sharing.stale_tolerance`，默认 0.5）。在线检查（--probe）：数据自身的时间戳（JSON 回复中的 `expect.freshness_field`，否则取 Last-Modified 头）早于上述时限。
rule-sharing-stale-remedy = 修复提供方的同步任务。
rule-sharing-silo-title = 部门不与任何部门共享数据，形成信息孤岛
rule-sharing-silo-explanation = 实施清单或共享目录中的某个部门既不向其他部门提供数据，也不使用其他部门的数据；以及每一个“孤岛”：只在内部相互共享、与主共享网络隔绝的一组部门（最大弱连通分量以外的分量）。
rule-sharing-silo-remedy = 打通该部门：把它掌握的数据发布为其他部门可用的接口，或接入可替代其向群众索要材料的接口；把孤岛接入主网络。
rule-sharing-one_way-title = 部门只用不给，从不共享自己的数据
rule-sharing-one_way-explanation = 某部门至少使用一个接口，却不提供任何接口。它自己的数据（核发的证照、掌握的登记信息）仍是其他部门要向群众索要的材料。
rule-sharing-one_way-remedy = 把该部门自己的数据发布为共享目录中的接口。
rule-sharing-unreachable-title = 接口无法连通：拒绝连接、被重置、域名解析失败或连接中断
rule-sharing-unreachable-explanation = 在线检查（--probe）未能完成一次 HTTP 交互：连接被拒绝或重置、域名无法解析，或服务器在完整回复前关闭了连接。
rule-sharing-unreachable-remedy = 检查服务本身、防火墙和 DNS 记录。
rule-sharing-timeout-title = 接口未在检测时限内响应
rule-sharing-timeout-explanation = 整个交互（建立连接、TLS、响应头和响应体）未在单次检测时限（`--timeout`，配置项 `sharing.timeout`，默认 5 秒）或整体时限（`--deadline`）内完成。等待这么久，使用方早已放弃。
rule-sharing-timeout-remedy = 查明服务不能按时响应的原因（负载、慢查询、网络链路）并解决。
rule-sharing-http_status-title = 接口返回了意外的 HTTP 状态码
rule-sharing-http_status-explanation = 回复的状态码不是 `expect.status`（未设置时为任意 2xx）：404 表示接口已迁移或下线，401/403 是凭据问题，5xx 是服务故障。
rule-sharing-http_status-remedy = 404：把共享目录指向接口的新地址，或停用该接口；401/403：检查 `auth.bearer_env` 指定的环境变量（未设置时问题中会注明）；5xx：请提供方修复服务。
rule-sharing-redirects-title = 重定向过多，或重定向到了另一种协议
rule-sharing-redirects-explanation = 检测跟随的重定向超过上限（配置项 `sharing.max_redirects`，默认 5，通常是循环），或重定向改变了协议（https 转 http 降低了通道安全；http 转 https 说明目录中的地址已过时）。改变协议的重定向一律不跟随。
rule-sharing-redirects-remedy = 把共享目录中的地址改为最终地址。
rule-sharing-oversize-title = 回复超过大小上限
rule-sharing-oversize-explanation = 响应体超过上限（配置项 `sharing.max_body_bytes`，默认 4 MiB），检测在此处停止读取。
rule-sharing-oversize-remedy = 一次返回全部数据的接口需要分页或查询参数。
rule-sharing-tls-title = 证书无效、过期、不受信任或即将过期
rule-sharing-tls-explanation = 证书按系统的 Web 根证书加上 `--ca-file`（私有 CA）验证。握手因证书失败时报告；有效证书将在 `sharing.tls_expiry_days`（默认 14）天内过期时按“中”报告。
rule-sharing-tls-remedy = 更新证书，或安装签发该证书的 CA。
rule-sharing-slow-title = 响应时间超过接口的时延承诺（SLO）
rule-sharing-slow-explanation = 收到完整回复的时间超过了共享目录中该接口的 `latency_slo_ms`。没有 SLO 的接口不会判为慢。
rule-sharing-slow-remedy = 提升服务速度，或商定一个能做到的 SLO 并写入 `latency_slo_ms`。
rule-sharing-body-title = 回复内容不符合约定
rule-sharing-body-explanation = 设置了 `expect.json_field` 或 `expect.freshness_field` 时响应体不是有效的 JSON，该路径（如 `data.items`）下的字段不存在，或 `expect.body_contains` 中的文字没有出现。接口有回复，但不是使用方所依赖的数据。
rule-sharing-body-remedy = 请提供方返回约定的内容；如果接口是有意变更的，请更新共享目录中的 `expect`。

rule-cases-rectification_overdue-title = 差评超过整改时限未整改
rule-cases-rectification_overdue-explanation = 《国务院办公厅关于建立政务服务“好差评”制度提高政务服务水平的意见》（国办发〔2019〕51号）要求对每一条差评（不满意、非常不满意）进行回访并整改；各省普遍规定 15 个工作日内整改（`monitor.rectify_days`）。某地区的差评自评价之日起已超过该工作日数（按国务院节假日安排、北京时间计算）仍无 `rectified` 记录时，每个地区报告一次。
rule-cases-rectification_overdue-remedy = 对评价人进行回访，整改差评所反映的问题，并在平台导出的数据中记录 `followed_up`（回访）和 `rectified`（整改）事件。
rule-cases-overdue_rate-title = 超过工作日时限办结的办件过多
rule-cases-overdue_rate-explanation = 已办结办件中，实际用时（工作日）超过承诺或法定时限的比例高于 `monitor.alerts.overdue_rate`（默认 5%）。实际用时取事件中的 `elapsed_days`，否则按申请与办结时间计算，申请当日不计入。
rule-cases-overdue_rate-remedy = 在 `govops monitor` 中按超期排序，查看超期办件最多的地区和事项，并核实其承诺时限是否合理。
rule-cases-satisfaction-title = 群众满意率低于目标
rule-cases-satisfaction-explanation = “满意”和“非常满意”评价占全部评价的比例低于 `monitor.alerts.satisfaction_below`（默认 90%）。
rule-cases-satisfaction-remedy = 在 `govops monitor` 中查看差评和满意率最低的地区，针对评价指出的问题整改。
rule-cases-orphans-title = 大量事件所属办件在数据流中没有申请记录
rule-cases-orphans-explanation = 所属办件从未出现 `submitted`（申请）记录的事件称为“孤儿事件”：只计数，不计为办结。孤儿事件超过全部事件的 `monitor.alerts.orphan_rate`（默认 20%）时，导出数据很可能缺少起始部分（从当天中途开始导出，或筛选时漏掉了申请记录），其办件数字只反映部分工作。
rule-cases-orphans-remedy = 从统计期开始导出数据流，或补充所办结办件的申请记录。

## 错误（src/error.rs）

err-field = { $at }：字段 `{ $field }`：应为 { $expected }，实际为 { $found }
err-missing-column = { $file }：缺少必需的列 `{ $field }`（现有列：{ $found }）
err-too-large = { $at }：{ $what }超过 { $limit } 字节的上限（可用环境变量 { $env }=字节数 或配置项 inputs.limits.{ $key } 调高）
err-profile = 配置 { $name } 有 { $n } 处问题：
err-output-is-input = 拒绝写入 { $path }：它与本次运行读取的 { $input } 是同一个文件；未写入任何内容（请换一个 --output）
notice-check-demo = 未指定配置：检查内置演示数据（用 -p 名称|路径 指定你自己的配置）
err-check-nothing = 配置 { $profile } 没有设置任何输入（catalog、registry 或 metrics）：无可检查
err-io-not-found = 文件或目录不存在
err-io-permission = 没有权限
err-io-exists = 已存在
err-io-is-dir = 是一个目录

## sharing

sharing-title = 数据共享健康状况
sharing-summary = 概况
sharing-probes = 接口在线检测
sharing-uncovered = 需求最多但尚无接口支撑的材料
sharing-history = 历史记录（已保存 { $n } 次检测）
sharing-findings = 问题
sharing-slowest = 响应最慢的接口
sharing-row-registry = 共享目录
sharing-row-graph = 共享关系网络
sharing-row-islands = 孤岛
sharing-row-isolated = 孤立部门
sharing-row-one-way = 只用不给
sharing-row-coverage = 材料免提交
sharing-row-probes = 在线检测
sharing-registry-value = { $registry } — { $interfaces } 个接口，{ $providers } 个提供部门
sharing-graph-value = { $departments } 个部门，{ $edges } 条共享关系，密度 { $density }，互惠度 { $reciprocity }，{ $components } 个连通分量
sharing-coverage-value = { $mentions } 次材料要求中 { $share }% 可免提交纸质材料；{ $materials } 种材料中 { $covered } 种已有接口支撑
sharing-probes-value = 检测 { $probed } 个接口，用时 { $elapsed } 毫秒：{ $healthy } 个正常，{ $available } 个可用；p50 { $p50 } 毫秒，p95 { $p95 } 毫秒
none = 无
probe-ok = 正常
avail-of = { $n } 次中 { $pct }%
col-id = 编号
col-dataset = 数据集
col-http-status = 状态码
col-latency-ms = 时延（毫秒）
col-bytes = 字节
col-result = 结果
col-material = 材料
col-mentions = 要求次数
col-window-avail = { $window } 可用率
col-window-latency = { $window } p50/p95 毫秒
fig-paperless = 免提交率

## balance

bal-indicator = 指标
bal-n = 数量
bal-mean = 均值
bal-gini = 基尼系数
bal-theil-t = 泰尔 T
bal-theil-l = 泰尔 L
bal-cv = 变异系数
bal-max-min = 最大/最小
bal-w-mean = 加权均值
bal-w-gini = 加权基尼
bal-between-t = 组间 T
bal-p = p 值
bal-rank = 排名
bal-code = 区划代码
bal-name = 地区
bal-index = 综合指数
bal-below-median = 低于中位数
bal-weakest-indicators-score-vs-median = 最弱指标（得分 vs 中位数）
bal-sector = 领域
bal-items = 事项
bal-online = 可网办
bal-fully-online = 全程网办
bal-regions = 地区数
bal-gini-fully-online = 基尼系数（全程网办）
bal-lagging-regions = 落后地区
bal-level = 层级
bal-mobile = 移动端
bal-mean-visits = 平均跑动次数
bal-group = 分组
bal-tier = 等级
bal-mean-index = 平均指数
bal-blank = {""}
bal-title = 区域均衡分析
bal-ranking = 排名
bal-inequality = 不均衡程度
bal-groups-by = 按 { $by } 分组
bal-notes = 说明
bal-sectors = 各领域均衡情况（最不均衡的在前）
bal-levels = 各层级均衡情况
bal-more-regions = …另有 { $n } 个地区
bal-more = …另有 { $n } 个
bal-laggards-title = 落后地区：综合指数低于中位数（{ $median }）的 { $pct }%
bal-headline = { $regions } 个地区、{ $n } 项指标的均衡分析：{ $indicators }（标准化方法 { $normalise }，分级 { $tiers }）
bal-grouped-by = ，按 { $by } 分组
bal-weighted-by = ，按 { $by } 加权
bal-index-line = 综合指数：均值 { $mean }，中位数 { $median }，最小 { $min }，最大 { $max }；基尼系数 { $gini }，泰尔 T { $theil }，变异系数 { $cv }
bal-between-line = ；组间差距占泰尔 T 的 { $share }（p = { $p }）
bal-chart-index = 综合指数（0–1）
bal-chart-groups = 各组平均综合指数
bal-chart-lorenz = 综合指数的洛伦兹曲线
bal-heat = 各项指标（按得分着色，0 红至 1 绿）
bal-chart-failed = 图表未能绘制
bal-score = 得分

## 共享类型（国发〔2016〕51号：无条件共享 / 有条件共享 / 不予共享）

rule-sharing-type_missing-title = 接口未声明共享类型（无条件 / 有条件 / 不予共享）
rule-sharing-type_missing-explanation = 国发〔2016〕51号（政务信息资源共享管理暂行办法，第九条）把每一项政务信息资源归入三种共享类型之一：无条件共享（可提供给所有政务部门使用）、有条件共享（可提供给相关政务部门，或仅部分提供，须符合条件）、不予共享（依法不提供）。共享目录中没有 `sharing_type` 的条目触发此规则。中等：暂时没有什么坏掉，但使用部门无法判断是可以直接使用还是必须申请，资源在编目时缺少了最重要的属性。三条共享类型规则都不用于 CKAN 或 DCAT 开放数据目录，因为那里没有相应字段（给出 DCAT 的 `dct:accessRights` PUBLIC / RESTRICTED / NON_PUBLIC 时按共享类型读取）。
rule-sharing-type_missing-remedy = 按政务信息资源目录的记载声明 `sharing_type: unconditional`、`conditional` 或 `none`（无条件共享、有条件共享、不予共享）。
rule-sharing-conditions_missing-title = 有条件共享但未写明共享条件
rule-sharing-conditions_missing-explanation = 国发〔2016〕51号：有条件共享的资源只提供给相关政务部门使用，或只部分提供；使用部门通过共享平台提出申请，提供部门应在 10 个工作日内予以答复（第十四条）。声明为 `conditional`（有条件共享）却没有 `share_conditions` 的条目触发此规则。中等：申请的部门仍能拿到数据，但没有书面条件，每次申请都要个案判断，拒绝是否合理也无从核对。
rule-sharing-conditions_missing-remedy = 在 `share_conditions` 中写明共享条件：哪些部门、用于什么目的、哪些字段或记录、如何申请。
rule-sharing-legal_basis_missing-title = 不予共享但未写明所依据的法律法规
rule-sharing-legal_basis_missing-explanation = 国发〔2016〕51号要求以共享为原则、不共享为例外（第五条）：列入不予共享类的政务信息资源，必须有法律、行政法规或党中央、国务院政策依据（第九条）。声明为 `none`（不予共享）却没有 `legal_basis` 的条目触发此规则。高：没有依据的不共享本身就违反规定，该部门按信息孤岛计。不予共享的条目从不做在线探测；所有接口都是有法律依据的不予共享的部门记为依法不予共享，而不是信息孤岛。
rule-sharing-legal_basis_missing-remedy = 在 `legal_basis` 中写明所依据的法律法规（及条款）；如果没有依据，就共享该资源：声明为无条件共享或有条件共享。
sharing-row-not-shared-by-law = 依法不予共享
fig-not-shared-by-law = 依法不予共享部门
