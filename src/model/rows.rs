//! Typed rows of every input DESIGN.md defines. Loaders (`crate::load`) build them; checks
//! read them. `line` is the 1-based line of the row in its file (0 when unknown).

use serde::{Deserialize, Serialize};

use super::Level;

/// Kinds of government service (事项类型).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ServiceType {
    Licensing,
    Payment,
    Confirmation,
    Ruling,
    Reward,
    OtherPower,
    PublicService,
}

impl ServiceType {
    pub const ALL: [ServiceType; 7] = [
        ServiceType::Licensing,
        ServiceType::Payment,
        ServiceType::Confirmation,
        ServiceType::Ruling,
        ServiceType::Reward,
        ServiceType::OtherPower,
        ServiceType::PublicService,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            ServiceType::Licensing => "licensing",
            ServiceType::Payment => "payment",
            ServiceType::Confirmation => "confirmation",
            ServiceType::Ruling => "ruling",
            ServiceType::Reward => "reward",
            ServiceType::OtherPower => "other_power",
            ServiceType::PublicService => "public_service",
        }
    }

    pub fn chinese(self) -> &'static str {
        match self {
            ServiceType::Licensing => "行政许可",
            ServiceType::Payment => "行政给付",
            ServiceType::Confirmation => "行政确认",
            ServiceType::Ruling => "行政裁决",
            ServiceType::Reward => "行政奖励",
            ServiceType::OtherPower => "其他行政权力",
            ServiceType::PublicService => "公共服务",
        }
    }

    /// Accepts the English names and the Chinese ones (simplified or traditional).
    pub fn parse(s: &str) -> Option<Self> {
        let s = s.trim();
        let exact = Self::ALL
            .into_iter()
            .find(|t| t.as_str().eq_ignore_ascii_case(s) || t.chinese() == s);
        // Convert the script once, and only when nothing matched as written (it ran once per
        // type per row before, dominating catalog loading).
        exact.or_else(|| {
            if s.is_ascii() {
                return None;
            }
            let simp = super::script::to_simplified(s);
            Self::ALL.into_iter().find(|t| t.chinese() == simp)
        })
    }
}

/// Service channels (办理渠道).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Channel {
    Hall,
    Hotline,
    Web,
    App,
    Wechat,
    Alipay,
    MiniProgram,
    Mail,
}

impl Channel {
    pub const ALL: [Channel; 8] = [
        Channel::Hall,
        Channel::Hotline,
        Channel::Web,
        Channel::App,
        Channel::Wechat,
        Channel::Alipay,
        Channel::MiniProgram,
        Channel::Mail,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Channel::Hall => "hall",
            Channel::Hotline => "hotline",
            Channel::Web => "web",
            Channel::App => "app",
            Channel::Wechat => "wechat",
            Channel::Alipay => "alipay",
            Channel::MiniProgram => "mini_program",
            Channel::Mail => "mail",
        }
    }

    /// Channels a citizen can use from a phone.
    pub fn is_mobile(self) -> bool {
        matches!(
            self,
            Channel::App | Channel::Wechat | Channel::Alipay | Channel::MiniProgram
        )
    }

    /// Channels where the application itself happens online.
    pub fn is_online(self) -> bool {
        matches!(
            self,
            Channel::Web | Channel::App | Channel::Wechat | Channel::Alipay | Channel::MiniProgram
        )
    }

    pub fn parse(s: &str) -> Option<Self> {
        let s = s.trim();
        let lower = s.to_ascii_lowercase().replace(['-', ' '], "_");
        let by_name = Self::ALL.into_iter().find(|c| c.as_str() == lower);
        by_name.or(match s {
            "大厅" | "窗口" | "政务大厅" | "線下" | "线下" | "大廳" => {
                Some(Channel::Hall)
            }
            "热线" | "熱線" | "12345" | "电话" | "電話" | "phone" => Some(Channel::Hotline),
            "网站" | "網站" | "网上办" | "網上辦" | "online" | "pc" => Some(Channel::Web),
            "微信" => Some(Channel::Wechat),
            "支付宝" | "支付寶" => Some(Channel::Alipay),
            "小程序" | "miniprogram" => Some(Channel::MiniProgram),
            "邮寄" | "郵寄" | "post" => Some(Channel::Mail),
            _ => None,
        })
    }
}

/// A problem with one optional value, kept (not fatal) when loading leniently, so that
/// `audit` can report it as `quality.bad_value` / `quality.missing_field`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FieldIssue {
    pub field: String,
    pub expected: String,
    pub found: String,
}

/// One implemented service in one region (实施清单 row).
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct CatalogRow {
    pub id: String,
    pub item_code: String,
    pub name: String,
    /// Canonical region code (2, 4, 6 or 9 digits), see `regions::canonical_code`.
    pub region_code: String,
    pub department: String,
    pub service_type: Option<ServiceType>,
    pub level: Option<Level>,
    pub sector: Option<String>,
    pub basis: Option<String>,
    pub legal_limit_days: Option<u32>,
    pub promised_limit_days: Option<u32>,
    pub visits: Option<u32>,
    /// 0 information only … 4 fully online (全程网办).
    pub online_depth: Option<u8>,
    pub channels: Vec<Channel>,
    pub materials: Vec<String>,
    pub updated: Option<String>,
    pub line: u64,
    /// Problems found in this row when loaded leniently (empty when loaded strictly).
    pub issues: Vec<FieldIssue>,
}

/// One item of the basic catalog (基本目录).
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct BaselineItem {
    pub item_code: String,
    pub name: String,
    pub service_type: Option<ServiceType>,
    pub basis: Option<String>,
    /// The levels that must implement it.
    pub levels: Vec<Level>,
    pub sector: Option<String>,
    pub legal_limit_days: Option<u32>,
    pub line: u64,
}

/// How often an interface's data is meant to change.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Frequency {
    Realtime,
    Hourly,
    Daily,
    Weekly,
    Monthly,
    Quarterly,
    Yearly,
}

impl Frequency {
    pub fn parse(s: &str) -> Option<Self> {
        Some(match s.trim().to_ascii_lowercase().as_str() {
            "realtime" | "real-time" | "实时" | "實時" => Frequency::Realtime,
            "hourly" | "每小时" | "每小時" => Frequency::Hourly,
            "daily" | "每日" | "每天" => Frequency::Daily,
            "weekly" | "每周" | "每週" => Frequency::Weekly,
            "monthly" | "每月" => Frequency::Monthly,
            "quarterly" | "每季度" => Frequency::Quarterly,
            "yearly" | "annual" | "annually" | "每年" => Frequency::Yearly,
            _ => return None,
        })
    }

    /// The longest the data may go unchanged.
    pub fn period(self) -> std::time::Duration {
        let secs = match self {
            Frequency::Realtime => 5 * 60,
            Frequency::Hourly => 3600,
            Frequency::Daily => 86_400,
            Frequency::Weekly => 7 * 86_400,
            Frequency::Monthly => 31 * 86_400,
            Frequency::Quarterly => 92 * 86_400,
            Frequency::Yearly => 366 * 86_400,
        };
        std::time::Duration::from_secs(secs)
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Frequency::Realtime => "realtime",
            Frequency::Hourly => "hourly",
            Frequency::Daily => "daily",
            Frequency::Weekly => "weekly",
            Frequency::Monthly => "monthly",
            Frequency::Quarterly => "quarterly",
            Frequency::Yearly => "yearly",
        }
    }
}

/// What a healthy reply looks like.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Expect {
    /// Expected HTTP status (default: any 2xx).
    pub status: Option<u16>,
    /// Text the body must contain.
    pub body_contains: Option<String>,
    /// Dotted path of a JSON field that must exist (e.g. `data.items`).
    pub json_field: Option<String>,
    /// Dotted path of a JSON field holding the data's own timestamp.
    pub freshness_field: Option<String>,
}

/// Credentials: only the *name* of an environment variable, never the secret itself.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Auth {
    pub bearer_env: Option<String>,
}

/// One data-sharing interface of the registry.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Interface {
    pub id: String,
    pub dataset: String,
    pub provider: String,
    pub consumers: Vec<String>,
    pub region_code: Option<String>,
    pub url: Option<String>,
    pub method: String,
    pub frequency: Option<Frequency>,
    /// RFC 3339 or `YYYY-MM-DD` as written.
    pub last_updated: Option<String>,
    pub latency_slo_ms: Option<u64>,
    pub expect: Expect,
    pub auth: Auth,
    pub replaces_materials: Vec<String>,
    /// 无条件共享 / 有条件共享 / 不予共享 (国发〔2016〕51号); `None` when not declared.
    pub sharing_type: Option<super::SharingType>,
    /// The conditions of 有条件共享 (who may use it, for what, which part).
    pub share_conditions: Option<String>,
    /// The law or regulation a 不予共享 rests on.
    pub legal_basis: Option<String>,
    pub line: u64,
    /// Problems found when loaded leniently (`sharing.metadata` reports them).
    pub issues: Vec<FieldIssue>,
}

impl Interface {
    /// Is it declared 不予共享? Such an interface is not meant to answer consumers, so it is
    /// never probed live.
    pub fn not_shared(&self) -> bool {
        self.sharing_type == Some(super::SharingType::NotShared)
    }

    /// Is it probed live: a URL, and not 不予共享.
    pub fn probed(&self) -> bool {
        self.url.is_some() && !self.not_shared()
    }

    /// 不予共享 with a legal basis written down: withheld by law, not by neglect.
    pub fn not_shared_by_law(&self) -> bool {
        self.not_shared() && self.legal_basis.is_some()
    }
}

/// One event of the live stream (`monitor`): a step in a case's life, a 好差评 rating, or
/// the follow-up of a bad rating. `ts` is unix seconds (the line's RFC 3339 time, parsed once).
#[derive(Debug, Clone, PartialEq)]
pub enum Event {
    /// 申请: a case is opened.
    Submitted {
        ts: Option<i64>,
        case_id: String,
        item_code: Option<String>,
        region_code: Option<String>,
        channel: Option<String>,
        /// Promised or statutory limit in working days, when the source knows it.
        limit_days: Option<f64>,
    },
    /// 受理: the agency takes the case on (it stays open).
    Accepted { ts: Option<i64>, case_id: String },
    /// 办结: the case is finished.
    Completed {
        ts: Option<i64>,
        case_id: String,
        limit_days: Option<f64>,
        /// Working days from submission to completion, when the source counted them.
        elapsed_days: Option<f64>,
    },
    /// 不予受理 / 退件: the case is closed without being granted.
    Rejected { ts: Option<i64>, case_id: String },
    /// 撤回: the applicant withdrew the case.
    Withdrawn { ts: Option<i64>, case_id: String },
    /// 好差评: a rating on the five national levels (1 = 非常不满意 … 5 = 非常满意).
    Rated {
        ts: Option<i64>,
        case_id: String,
        rating: u8,
    },
    /// 回访: the agency contacted the citizen about a bad rating.
    FollowedUp { ts: Option<i64>, case_id: String },
    /// 整改: the agency fixed what the bad rating was about.
    Rectified { ts: Option<i64>, case_id: String },
}

impl Event {
    pub fn case_id(&self) -> &str {
        match self {
            Event::Submitted { case_id, .. }
            | Event::Accepted { case_id, .. }
            | Event::Completed { case_id, .. }
            | Event::Rejected { case_id, .. }
            | Event::Withdrawn { case_id, .. }
            | Event::Rated { case_id, .. }
            | Event::FollowedUp { case_id, .. }
            | Event::Rectified { case_id, .. } => case_id,
        }
    }

    pub fn ts(&self) -> Option<i64> {
        match self {
            Event::Submitted { ts, .. }
            | Event::Accepted { ts, .. }
            | Event::Completed { ts, .. }
            | Event::Rejected { ts, .. }
            | Event::Withdrawn { ts, .. }
            | Event::Rated { ts, .. }
            | Event::FollowedUp { ts, .. }
            | Event::Rectified { ts, .. } => *ts,
        }
    }

    pub fn kind(&self) -> EventKind {
        match self {
            Event::Submitted { .. } => EventKind::Submitted,
            Event::Accepted { .. } => EventKind::Accepted,
            Event::Completed { .. } => EventKind::Completed,
            Event::Rejected { .. } => EventKind::Rejected,
            Event::Withdrawn { .. } => EventKind::Withdrawn,
            Event::Rated { .. } => EventKind::Rated,
            Event::FollowedUp { .. } => EventKind::FollowedUp,
            Event::Rectified { .. } => EventKind::Rectified,
        }
    }
}

/// An event's `type`, as written in the stream.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum EventKind {
    Submitted,
    Accepted,
    Completed,
    Rejected,
    Withdrawn,
    Rated,
    FollowedUp,
    Rectified,
}

impl EventKind {
    pub const ALL: [EventKind; 8] = [
        EventKind::Submitted,
        EventKind::Accepted,
        EventKind::Completed,
        EventKind::Rejected,
        EventKind::Withdrawn,
        EventKind::Rated,
        EventKind::FollowedUp,
        EventKind::Rectified,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            EventKind::Submitted => "submitted",
            EventKind::Accepted => "accepted",
            EventKind::Completed => "completed",
            EventKind::Rejected => "rejected",
            EventKind::Withdrawn => "withdrawn",
            EventKind::Rated => "rated",
            EventKind::FollowedUp => "followed_up",
            EventKind::Rectified => "rectified",
        }
    }

    pub fn parse(s: &str) -> Option<EventKind> {
        EventKind::ALL.into_iter().find(|k| k.as_str() == s)
    }
}

/// The five 好差评 levels (国办发〔2019〕51号): rating, Chinese word, English key.
pub const RATING_LEVELS: [(u8, &str, &str); 5] = [
    (5, "非常满意", "very_satisfied"),
    (4, "满意", "satisfied"),
    (3, "基本满意", "basically_satisfied"),
    (2, "不满意", "dissatisfied"),
    (1, "非常不满意", "very_dissatisfied"),
];

/// A level written as its Chinese word or English key → rating 1..=5.
pub fn rating_of_level(s: &str) -> Option<u8> {
    let s = s.trim();
    RATING_LEVELS
        .iter()
        .find(|(_, zh, en)| *zh == s || en.eq_ignore_ascii_case(s))
        .map(|(r, ..)| *r)
}

/// 差评: 不满意 and 非常不满意, each of which must be followed up and rectified.
pub fn is_bad_rating(rating: u8) -> bool {
    rating <= 2
}
