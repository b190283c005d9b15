//! A client's timeline: sessions, finished assessments and exercises, and habits taken on.

use leadback_core::clients::{TimelineEntry, TimelineKind};

use crate::values::{parse_local, utc_as_naive};
use crate::{Store, StoreError};

impl Store {
    /// Sessions, finished assessments and exercises, and habits taken on, newest first. Exercise
    /// titles are their ids here; the caller names them from the library.
    pub fn timeline(&self, person_id: i64) -> Result<Vec<TimelineEntry>, StoreError> {
        let rows = self
            .conn
            .prepare_cached(
                "SELECT 'session', id, starts_at, CASE agenda WHEN '' THEN 'Session' ELSE agenda END
                   FROM session WHERE person_id = ?1
                 UNION ALL
                 SELECT 'assessment', id, completed_at, 'Assessment finished'
                   FROM assessment WHERE person_id = ?1 AND completed_at IS NOT NULL
                 UNION ALL
                 SELECT 'exercise', id, finished_at, exercise_id
                   FROM exercise_run WHERE person_id = ?1 AND finished_at IS NOT NULL
                 UNION ALL
                 SELECT 'habit', id, created_at, name FROM habit WHERE person_id = ?1",
            )?
            .query_map([person_id], |row| {
                Ok((
                    row.get::<_, String>(0)?,
                    row.get::<_, i64>(1)?,
                    row.get::<_, String>(2)?,
                    row.get::<_, String>(3)?,
                ))
            })?
            .collect::<Result<Vec<_>, _>>()?;
        let mut entries = rows
            .into_iter()
            .map(|(kind, id, at, title)| {
                let (kind, at) = match kind.as_str() {
                    "session" => (TimelineKind::Session, parse_local("starts_at", &at)?),
                    "assessment" => (TimelineKind::Assessment, utc_as_naive(&at)?),
                    "exercise" => (TimelineKind::Exercise, utc_as_naive(&at)?),
                    _ => (TimelineKind::HabitStarted, utc_as_naive(&at)?),
                };
                // One line of an agenda is its title.
                let title = title.lines().next().unwrap_or_default().to_owned();
                Ok(TimelineEntry {
                    kind,
                    at,
                    title,
                    id,
                })
            })
            .collect::<Result<Vec<_>, StoreError>>()?;
        entries.sort_by(|a, b| b.at.cmp(&a.at).then(b.id.cmp(&a.id)));
        Ok(entries)
    }
}
