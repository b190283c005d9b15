//! The made-up words: people, colleagues, own habits, check-in and journal notes, reflections.
//! Kept here rather than in assets/: they are no part of the product.

use leadback_core::habits::HabitStance;

use super::rng::Rng;

pub(super) const PEOPLE: &[&str] = &[
    "Alex Morgan",
    "Sam Okafor",
    "Mira Jensen",
    "Tomás Rivera",
    "Noor Haddad",
    "Hannah Berg",
    "Ravi Menon",
    "Julia Novak",
];

pub(super) const TEAM: &[&str] = &[
    "Priya", "Marcus", "Lena", "Tom", "Aisha", "Jonas", "Mei", "Daniel", "Sofia", "Kwame", "Elif",
    "Ruth",
];

/// Own habits: name, stance, schedule.
pub(super) const OWN_HABITS: [(&str, Option<HabitStance>, &str); 12] = [
    (
        "Ask \"what do you think?\" in every meeting",
        Some(HabitStance::Servant),
        "daily",
    ),
    (
        "Leave the first five minutes of stand-up to others",
        Some(HabitStance::Behind),
        "5/week",
    ),
    (
        "Write down one thing I handed over",
        Some(HabitStance::Behind),
        "daily",
    ),
    ("No email after 8 pm", Some(HabitStance::Rest), "daily"),
    (
        "Ten minutes outside at lunch",
        Some(HabitStance::Rest),
        "daily",
    ),
    (
        "Thank someone by name",
        Some(HabitStance::Servant),
        "3/week",
    ),
    (
        "Prepare one open question for each one-to-one",
        Some(HabitStance::Servant),
        "2/week",
    ),
    (
        "Close the laptop in one-to-ones",
        Some(HabitStance::Servant),
        "2/week",
    ),
    (
        "Let the silence last in meetings",
        Some(HabitStance::Behind),
        "daily",
    ),
    (
        "Plan tomorrow before leaving",
        Some(HabitStance::Front),
        "5/week",
    ),
    ("Read for twenty minutes", None, "daily"),
    (
        "Walk to someone's desk instead of sending a message",
        Some(HabitStance::Servant),
        "3/week",
    ),
];

pub(super) fn done_notes(stance: Option<HabitStance>) -> &'static [&'static str] {
    match stance {
        Some(HabitStance::Behind) => BEHIND_NOTES,
        Some(HabitStance::Servant) => SERVANT_NOTES,
        Some(HabitStance::Front) => FRONT_NOTES,
        Some(HabitStance::Rest) => REST_NOTES,
        None => OWN_NOTES,
    }
}

const BEHIND_NOTES: &[&str] = &[
    "{a} ran the planning meeting. I kept quiet for the first twenty minutes and the plan was better for it.",
    "Let {a} take the first step on the migration. Slower than I would have been, but it is theirs now.",
    "Wanted to correct {a}'s draft. Left it, and asked one question instead.",
    "From the back I saw {a} help {b} without being asked.",
    "{a} chose a different approach from mine. It worked.",
    "{a} presented our results to the board. I answered one question, when asked.",
    "Handed the hiring decision to {a} and {b}. I'll stand by what they choose.",
    "{a} facilitated the retro and people spoke more than usual.",
    "Walked at the back on the team hike; {a} picked the path and waited for everyone at the fork.",
];

const SERVANT_NOTES: &[&str] = &[
    "Asked {a} what they needed before the deadline. The answer was fewer interruptions, not more help.",
    "Listened to {a} for ten minutes before saying anything. The real problem was the handover.",
    "Praised {a}'s summary in the team channel: specific, not just thanks.",
    "Asked a question instead of telling my own story. {a} laughed, then answered it.",
    "Built on {a}'s idea in the workshop instead of pitching mine.",
    "Let {a} start our one-to-one. It went somewhere I would not have taken it.",
    "Caught myself about to interrupt {a}. Twice. Stopped once.",
    "{a} is finding the new role hard. Asked what would help; we agreed on a weekly check-in.",
];

const FRONT_NOTES: &[&str] = &[
    "Led from the front on the incident only; everything else I left to the team.",
    "The team had been stuck on the estimate for two days. Stepped in, set a deadline, stepped back out.",
    "Decided early on the vendor question so {a} could get going.",
    "Checked where we were stuck: nowhere, for once.",
    "Early crisis call. Took the lead, and said clearly when I was handing it back to {a}.",
];

const REST_NOTES: &[&str] = &[
    "Lunch away from the desk, phone in the drawer.",
    "Twenty minutes outside between meetings. Came back calmer.",
    "Heavy day. Named it, closed the laptop at six.",
    "Let {a} cover the evening call and went for a run.",
    "Felt the weight in my shoulders around three. Took a break instead of pushing on.",
    "A light day, mostly because I didn't try to carry {a}'s project as well.",
];

const OWN_NOTES: &[&str] = &[
    "Done, though it took a reminder.",
    "Easier than last week.",
    "Only just: remembered it at the end of the day.",
    "{a} noticed, and said so.",
];

pub(super) const MISSED_NOTES: &[&str] = &[
    "Meetings all day; no room for it.",
    "Forgot until it was too late.",
    "Jumped in before I noticed. Tomorrow.",
    "Tired, and went back to old habits.",
];

pub(super) const SKIPPED_NOTES: &[&str] = &[
    "Travelling.",
    "Off sick.",
    "No team meetings today.",
    "Working alone on the report all day.",
];

pub(super) const ENERGY_NOTES: &[&str] = &[
    "Slept badly.",
    "Good run this morning.",
    "Back-to-back meetings all afternoon.",
    "Quiet day; got real work done.",
    "Long day with the board.",
    "Team offsite: tiring, but good.",
    "Hard conversation with {a}. Glad it's done.",
];

pub(super) const JOURNAL_NOTES: &[&str] = &[
    "Noticed how often I answer my own questions in meetings. Next time: ask, then count to five.",
    "{a} told me they felt trusted when I stayed out of the client call. I had nearly joined \"just to listen\".",
    "Let others go first four times this week. Meetings felt slower, but more people spoke.",
    "Read the piece on leading from behind again. The shepherd still knows the path: that's the part I forget.",
    "I default to the front when I'm tired. Worth knowing.",
    "{a} and {b} sorted out the release without me. I found out afterwards. That's the goal, isn't it?",
    "Hard week. I stepped in three times; twice it was needed. The third time was my nerves.",
    "One-to-one with {a}: asked what they want to learn next year. They had a clear answer I had never heard.",
    "Where I want to lead from the front this quarter: the reorganisation and the budget. Everything else can grow from behind.",
    "The team planned the offsite; I only chose the date. The best one we've had.",
    "Caught myself rewriting {a}'s email. Deleted my version.",
    "Energy has been better since I started taking real breaks. Not sure which causes which.",
    "Specific praise lands differently. {a} quoted mine back to me a week later.",
    "Stayed at the back of the walk on Sunday. {b} led, and everyone followed them, not me.",
    "The team decides more without me now. I miss being needed, a little. Writing that down.",
    "{a} failed at the pitch today and I let it happen. In the debrief they knew exactly what to change.",
    "Crisis day. I led from the front and it was right. Back to the back tomorrow.",
    "I'm more patient in the mornings. Moving the hard conversations earlier.",
];

/// An answer to one of the built-in exercises' text prompts, by prompt id.
pub(super) fn reflection(prompt: &str, rng: &mut Rng) -> &'static str {
    let answers: &[&str] = match prompt {
        "question" => &[
            "How do we halve the time from idea to first customer test? It serves learning faster.",
            "What should our team stop doing next quarter? The goal is room for the work that matters.",
        ],
        "idea-you-lacked" => &[
            "{a}'s idea to test with the support team first. I would have gone straight to customers.",
            "Pairing new starters with each other, not only with the seniors.",
        ],
        "next-time" => &[
            "Write the question on the board and say nothing for the first ten minutes.",
            "Ask the quietest person first.",
        ],
        "the-work" => &[
            "The quarterly plan. {a} drafts it and runs the first meeting.",
            "The onboarding guide. {a} goes first; I review only when asked.",
        ],
        "urges" => &[
            "I wanted to fix the timeline. I asked {a} how confident they were instead.",
            "I wanted to jump in when the client pushed back. Counted to ten; {a} handled it.",
        ],
        "what-they-did" => &[
            "{a} started with the customer's words, not our numbers. It made the case stronger.",
            "They split the work by strengths, not by seniority.",
        ],
        "who" => &[
            "{a}, about moving to the platform team.",
            "{a} and {b}, about the delayed release.",
        ],
        "what-you-heard" => &[
            "That the real worry was not the deadline but being seen as slow.",
            "{a} has been carrying the on-call rota alone for a month.",
        ],
        "hardest-moment" => &[
            "When {a} described a solution I had already tried. I wanted to say so.",
            "The silence after my first question.",
        ],
        "contribution" => &[
            "{a}'s test plan: it caught the payment bug before the release.",
            "{a} rewrote the onboarding notes; three new starters used them this week.",
        ],
        "response" => &[
            "Surprised, then pleased. They asked if they could show it at the all-hands.",
            "A quiet thank-you, and later a message saying it made their week.",
        ],
        "first-question" => &[
            "What would you do if I weren't here?",
            "What do you see that I'm missing?",
        ],
        "what-you-noticed" => &[
            "I carry every open decision in my head. Handing two over felt lighter.",
            "Most of the weight is worry about things others are already handling.",
        ],
        "what-you-saw" => &[
            "{a} checks on the slowest person without being asked.",
            "How much the group talks when I'm not in front.",
        ],
        "who-stepped-up" => &[
            "{a} picked the route and called the breaks.",
            "{b} took over when the plan changed, and {a} backed them.",
        ],
        "who-struggled" => &[
            "{a} took a wrong turn at the fork. I waited; they found the way back with {b}.",
            "{a} struggled with the estimate. I let them present it anyway, and helped afterwards.",
        ],
        "stepped-in" => &[
            "Once, when safety was at stake. It was needed.",
            "I didn't. Twice I almost did.",
        ],
        "tell-whom" => &[
            "{a}: \"You kept the group together today. I saw it.\"",
            "The whole team, at Monday's stand-up.",
        ],
        "team" => &["The platform team.", "My leadership team of five."],
        "step-in-when" => &[
            "a customer is at risk, or the team has been stuck for more than two days.",
            "someone asks me to, or safety is at stake.",
        ],
        "how" => &[
            "say clearly that I'm taking the lead, and for how long.",
            "make the one decision that unblocks us and hand the rest back.",
        ],
        "step-back-when" => &[
            "the blocker is gone and someone else owns the next step.",
            "the crisis has an owner and a plan.",
        ],
        _ => &[
            "It went better than I expected.",
            "Harder than it looks. Worth doing again.",
        ],
    };
    rng.text(answers)
}

/// Coaching clients' first and family names, combined.
pub(super) const CLIENT_FIRST: &[&str] = &[
    "Amara", "Ben", "Chiara", "Dev", "Ewa", "Farid", "Grace", "Hugo", "Ines", "Jamal", "Keiko",
    "Luis", "Maya", "Nils", "Olu", "Paula", "Quinn", "Rosa", "Samir", "Tess", "Uma", "Viktor",
    "Wen", "Yara", "Zoe",
];
pub(super) const CLIENT_LAST: &[&str] = &[
    "Abara",
    "Brandt",
    "Costa",
    "Dubois",
    "Eriksen",
    "Fischer",
    "Garcia",
    "Haddad",
    "Ito",
    "Jansen",
    "Kowalski",
    "Lindqvist",
    "Mensah",
    "Nakamura",
    "Ortiz",
    "Petrov",
    "Quist",
    "Rahman",
    "Silva",
    "Tanaka",
    "Umar",
    "Varga",
    "Weber",
    "Yilmaz",
    "Zhou",
];
pub(super) const CLIENT_TAGS: &[&str] = &[
    "team lead",
    "new manager",
    "founder",
    "2026 cohort",
    "pilot",
    "director",
    "engineering",
    "operations",
];
pub(super) const CONSENT_TERMS: &[&str] = &[
    "Answers, habits and session notes are kept on the coach's laptop only; a report at the end of the programme.",
    "Session notes and assessment results kept locally for the length of the engagement; erased on request.",
];
/// Session agendas, about handing the lead to others (the seeds' ideas).
pub(super) const AGENDAS: &[&str] = &[
    "Who spoke first in this week's meetings?",
    "Letting {a} run the planning session",
    "Rest: what the last holiday showed",
    "Asking before telling: one conversation",
    "The results, and what the team saw",
    "Serving {a} through a hard week",
];
/// Session notes in Markdown; `{a}` and `{b}` are colleagues.
pub(super) const SESSION_NOTES: &[&str] = &[
    "## What happened\n\nStepped back in the stand-up and {a} took it. Noticed the urge to fill the silence.\n\n## Next\n\n- let {b} present the numbers\n- keep the Friday afternoon free",
    "## Noticed\n\nThe team waited for a decision that {a} could have made. Talked about handing it over in advance.\n\n## Homework\n\nOne meeting a week where they speak last.",
    "Energy low after the launch. Agreed on two quiet evenings and no email before nine. {a} covered the Monday call.",
    "Went through the latest results: more *from behind*, less *from the front*. Wants to keep it up when the pressure returns.",
];

/// Who a client asks for an observer's view: roles, not names, as most coaches suggest.
pub(super) const OBSERVER_ROLES: &[&str] = &[
    "Their manager",
    "A peer on the team",
    "Someone who reports to them",
    "A colleague from another team",
    "A project partner",
];
