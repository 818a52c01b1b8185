//! The basic catalog (基本目录) of the synthetic data: service objects × actions from
//! `items.txt`, so that near-identical but different items (食品经营许可证核发 vs
//! 食品生产许可证核发, 结婚登记 vs 离婚登记) are all genuinely in the baseline.

use std::sync::OnceLock;

use crate::model::{Level, ServiceType};

const TABLE: &str = include_str!("items.txt");

/// One item of the basic catalog.
#[derive(Debug, Clone)]
pub struct Item {
    pub code: String,
    pub name: String,
    pub service_type: ServiceType,
    pub sector: &'static str,
    pub basis: &'static str,
    pub levels: Vec<Level>,
    pub legal_days: u32,
    pub materials: Vec<&'static str>,
    /// Part of the smaller demo baseline.
    pub demo: bool,
    /// Required at township level in the demo too (the demo keeps townships light).
    pub demo_township: bool,
}

impl Item {
    pub fn required_at(&self, level: Level) -> bool {
        self.levels.contains(&level)
    }

    pub fn levels_cell(&self) -> String {
        let v: Vec<&str> = self.levels.iter().map(|l| l.as_str()).collect();
        v.join(";")
    }
}

/// Sectors in a fixed order; the position is part of every item code.
pub const SECTORS: &[&str] = &[
    "market",
    "public_security",
    "civil_affairs",
    "education",
    "health",
    "transport",
    "justice",
    "tax",
    "human_resources",
    "natural_resources",
    "housing",
    "agriculture",
    "ecology",
    "emergency",
    "culture",
    "veterans",
    "disability",
    "fire",
    "commerce",
    "medical_security",
    "water_resources",
    "forestry",
    "tobacco",
    "religion",
    "meteorology",
    "civil_air_defense",
];

fn type_no(t: ServiceType) -> u32 {
    ServiceType::ALL.iter().position(|x| *x == t).unwrap_or(0) as u32 + 1
}

/// Every item of the full (national) basic catalog, in code order of the table.
pub fn all() -> &'static [Item] {
    static ITEMS: OnceLock<Vec<Item>> = OnceLock::new();
    ITEMS.get_or_init(build)
}

/// The items a scale uses: the demo uses the starred objects only, and asks little of its
/// 1,387 townships so that the demo catalog stays at a few tens of thousands of rows.
pub fn for_scale(demo: bool) -> Vec<Item> {
    all()
        .iter()
        .filter(|i| !demo || i.demo)
        .map(|i| {
            let mut i = i.clone();
            if demo && !i.demo_township {
                i.levels.retain(|l| *l != Level::Township);
            }
            i
        })
        .filter(|i| !i.levels.is_empty())
        .collect()
}

fn build() -> Vec<Item> {
    let mut out: Vec<Item> = Vec::new();
    let mut seen = std::collections::BTreeSet::new();
    let mut obj_counter = vec![0u32; SECTORS.len()];
    for line in TABLE.lines() {
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let f: Vec<&'static str> = line.split('|').collect();
        if f.len() != 8 {
            continue;
        }
        let Some(sector_no) = SECTORS.iter().position(|s| *s == f[0]) else {
            continue;
        };
        let sector = SECTORS[sector_no];
        let service_type = ServiceType::parse(f[1]).unwrap_or(ServiceType::PublicService);
        let levels: Vec<Level> = f[2]
            .chars()
            .filter_map(|c| match c {
                'P' => Some(Level::Province),
                'C' => Some(Level::City),
                'X' => Some(Level::County),
                'T' => Some(Level::Township),
                _ => None,
            })
            .collect();
        let legal_days: u32 = f[3].parse().unwrap_or(20);
        let materials: Vec<&'static str> = f[5].split(';').collect();
        let actions: Vec<&'static str> = f[7].split(',').collect();
        for obj in f[6].split(',') {
            let stars = obj.len() - obj.trim_start_matches('*').len();
            let (demo, demo_township, obj) = (stars >= 1, stars >= 2, obj.trim_start_matches('*'));
            obj_counter[sector_no] += 1;
            for (ai, action) in actions.iter().enumerate() {
                let name = if *action == "-" {
                    obj.to_string()
                } else {
                    format!("{obj}{action}")
                };
                if !seen.insert(name.clone()) {
                    continue;
                }
                // Later actions (注销, 补办) need less paperwork than the first one.
                let keep = if ai == 0 {
                    materials.len()
                } else {
                    materials.len().clamp(1, 3)
                };
                out.push(Item {
                    code: format!(
                        "{:02}{:02}{:03}{:02}000",
                        type_no(service_type),
                        sector_no + 1,
                        obj_counter[sector_no],
                        ai + 1
                    ),
                    name,
                    service_type,
                    sector,
                    basis: f[4],
                    levels: levels.clone(),
                    legal_days: if ai == 0 {
                        legal_days
                    } else {
                        legal_days.min(15)
                    },
                    materials: materials[..keep].to_vec(),
                    demo,
                    demo_township,
                });
            }
        }
    }
    out
}

/// The implementing department's name for a sector in a region, e.g. 西湖区市场监督管理局.
pub fn department(sector: &str, level: Level, region_name: &str) -> String {
    if level == Level::Township {
        let suffix = if region_name.ends_with("街道") {
            "办事处"
        } else {
            "人民政府"
        };
        return format!("{region_name}{suffix}");
    }
    let prov = level == Level::Province;
    let body = match sector {
        "market" => "市场监督管理局",
        "public_security" if prov => "公安厅",
        "public_security" => "公安局",
        "civil_affairs" if prov => "民政厅",
        "civil_affairs" => "民政局",
        "education" if prov => "教育厅",
        "education" => "教育局",
        "health" if level == Level::County => "卫生健康局",
        "health" => "卫生健康委员会",
        "transport" if prov => "交通运输厅",
        "transport" => "交通运输局",
        "justice" if prov => "司法厅",
        "justice" => "司法局",
        "tax" => return format!("国家税务总局{region_name}税务局"),
        "human_resources" if prov => "人力资源和社会保障厅",
        "human_resources" => "人力资源和社会保障局",
        "natural_resources" if prov => "自然资源厅",
        "natural_resources" => "自然资源和规划局",
        "housing" if prov => "住房和城乡建设厅",
        "housing" => "住房和城乡建设局",
        "agriculture" if prov => "农业农村厅",
        "agriculture" => "农业农村局",
        "ecology" if prov => "生态环境厅",
        "ecology" => "生态环境局",
        "emergency" if prov => "应急管理厅",
        "emergency" => "应急管理局",
        "culture" if prov => "文化和旅游厅",
        "culture" => "文化广电旅游局",
        "veterans" if prov => "退役军人事务厅",
        "veterans" => "退役军人事务局",
        "disability" => "残疾人联合会",
        "fire" if prov => "消防救援总队",
        "fire" if level == Level::City => "消防救援支队",
        "fire" => "消防救援大队",
        "commerce" if prov => "商务厅",
        "commerce" => "商务局",
        "medical_security" => "医疗保障局",
        "water_resources" if prov => "水利厅",
        "water_resources" => "水利局",
        "forestry" => "林业局",
        "tobacco" => "烟草专卖局",
        "religion" => "民族宗教事务委员会",
        "meteorology" => "气象局",
        "civil_air_defense" => "人民防空办公室",
        _ => "人民政府办公室",
    };
    format!("{region_name}{body}")
}

/// The other body that often also registers a service: the 行政审批局 of the reform.
pub fn approval_bureau(level: Level, region_name: &str) -> String {
    match level {
        Level::Township => format!("{region_name}便民服务中心"),
        Level::Province => format!("{region_name}政务服务管理办公室"),
        _ => format!("{region_name}行政审批服务局"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn baseline_has_unique_codes_and_names_and_hard_negatives() {
        let items = all();
        let codes: std::collections::BTreeSet<_> = items.iter().map(|i| &i.code).collect();
        let names: std::collections::BTreeSet<_> = items.iter().map(|i| &i.name).collect();
        assert_eq!(codes.len(), items.len());
        assert_eq!(names.len(), items.len());
        for n in [
            "食品经营许可证核发",
            "食品生产许可证核发",
            "结婚登记",
            "离婚登记",
        ] {
            assert!(names.contains(&n.to_string()), "{n}");
        }
    }
}
