//! Header aliases: the English snake_case names, and the Chinese headers real exports use.
//! Traditional-script headers are converted to simplified before lookup, so 事項名稱 works
//! like 事项名称.

/// (alias, canonical). Aliases are compared after trimming, lower-casing and turning spaces
/// and hyphens into underscores.
const ALIASES: &[(&str, &str)] = &[
    // catalog
    ("实施编码", "id"),
    ("事项实施编码", "id"),
    ("实施清单编码", "id"),
    ("基本编码", "item_code"),
    ("事项编码", "item_code"),
    ("基本目录编码", "item_code"),
    ("事项名称", "name"),
    ("名称", "name"),
    ("服务名称", "name"),
    ("行政区划代码", "region_code"),
    ("区划代码", "region_code"),
    ("行政区划编码", "region_code"),
    ("region", "region_code"),
    ("实施主体", "department"),
    ("实施部门", "department"),
    ("部门", "department"),
    ("事项类型", "type"),
    ("service_type", "type"),
    ("层级", "level"),
    ("行使层级", "level"),
    ("实施层级", "level"),
    ("领域", "sector"),
    ("行业领域", "sector"),
    ("设定依据", "basis"),
    ("法律依据", "basis"),
    ("legal_basis", "basis"),
    ("法定办结时限", "legal_limit_days"),
    ("法定时限", "legal_limit_days"),
    ("承诺办结时限", "promised_limit_days"),
    ("承诺时限", "promised_limit_days"),
    ("跑动次数", "visits"),
    ("到现场次数", "visits"),
    ("网办深度", "online_depth"),
    ("网上办理深度", "online_depth"),
    ("办理渠道", "channels"),
    ("渠道", "channels"),
    ("申请材料", "materials"),
    ("材料", "materials"),
    ("更新时间", "updated"),
    ("最后更新", "updated"),
    // baseline
    ("实施层级要求", "levels"),
    ("适用层级", "levels"),
    // regions
    ("代码", "code"),
    ("区划名称", "name"),
    ("上级代码", "parent_code"),
    ("上级区划代码", "parent_code"),
    ("parent", "parent_code"),
    ("分组", "group"),
    ("区域", "group"),
    ("人口", "population"),
    ("常住人口", "population"),
    // sharing registry
    ("接口编码", "id"),
    ("数据集", "dataset"),
    ("资源名称", "dataset"),
    ("提供部门", "provider"),
    ("提供方", "provider"),
    ("使用部门", "consumers"),
    ("需求部门", "consumers"),
    ("接口地址", "url"),
    ("请求方式", "method"),
    ("更新频率", "frequency"),
    ("最近更新", "last_updated"),
    ("替代材料", "replaces_materials"),
    ("expect_status", "expect.status"),
    ("expect_body_contains", "expect.body_contains"),
    ("expect_json_field", "expect.json_field"),
    ("expect_freshness_field", "expect.freshness_field"),
    ("auth_bearer_env", "auth.bearer_env"),
    ("bearer_env", "auth.bearer_env"),
    // sharing types (国发〔2016〕51号); 法律依据 is the catalog's `basis` there
    ("共享类型", "sharing_type"),
    ("共享属性", "sharing_type"),
    ("share_type", "sharing_type"),
    ("共享条件", "share_conditions"),
    ("conditions", "share_conditions"),
    ("不予共享依据", "legal_basis"),
    ("法律依据", "legal_basis"),
];

/// Normalise a header for lookup.
pub fn normalise(header: &str) -> String {
    let h = header.trim().trim_start_matches('\u{FEFF}');
    let h = h.to_lowercase().replace([' ', '-'], "_");
    if h.is_ascii() {
        h
    } else {
        crate::model::script::to_simplified(&h).into_owned()
    }
}

/// The canonical name for a header: itself if it already is one of `fields`, else its alias.
pub fn canonical<'a>(header: &str, fields: &[&'a str]) -> Option<&'a str> {
    let h = normalise(header);
    if let Some(f) = fields.iter().find(|f| **f == h) {
        return Some(f);
    }
    ALIASES
        .iter()
        .filter(|(alias, _)| *alias == h)
        .find_map(|(_, canon)| fields.iter().find(|f| *f == canon).copied())
}
