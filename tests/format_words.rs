//! The words of the file format do not follow the model: a workspace using every variant of
//! every enum the file spells by name (likelihoods, relations, directions, source formats,
//! reliability, consistency, relevance, signpost statuses, credibility digits, judgements) is
//! written exactly as the golden file says and read back from it. Renaming a model variant
//! changes neither; a new variant needs a new word (the conversions in `file::words` are
//! exhaustive matches) and a deliberate update of the golden file:
//! `BASIRA_UPDATE_GOLDEN=1 cargo test --test format_words`.

use std::path::PathBuf;

use basira::edit;
use basira::file;
use basira::model::{
    Brief, BriefId, BriefMeta, BriefSource, CellJudgement, Colour, Consistency, Credibility,
    Determinant, DeterminantId, Judgement, Likelihood, Link, LinkTarget, MemoTarget, PassageId,
    Relation, Relevance, Reliability, Scenario, ScenarioId, Signpost, SignpostStatus, SourceFormat,
    SourceGrade, Tag, TagId, TextDirection, Workspace,
};
use uuid::Uuid;

fn id(n: u128) -> Uuid {
    Uuid::from_u128(0x0b7c_8e1e_1b7a_4a55_9a59_0000_0000_0000 | n)
}

/// Every variant, each in its own place, with ids that do not change between runs.
fn every_word() -> Workspace {
    let mut ws = Workspace {
        title: "every word".into(),
        ..Workspace::default()
    };
    let imported = chrono::DateTime::from_timestamp(1_759_309_200, 0).expect("a time");
    for (i, direction) in TextDirection::ALL.into_iter().enumerate() {
        ws.briefs.push(Brief {
            id: BriefId(id(0x100 + i as u128)),
            meta: BriefMeta {
                title: format!("brief {i}"),
                direction,
                ..BriefMeta::default()
            },
            text: "نص قصير للاختبار".into(),
            source: None,
            headings: Vec::new(),
            dismissed_proposals: Vec::new(),
        });
    }
    let formats = [
        SourceFormat::Text,
        SourceFormat::Markdown,
        SourceFormat::Html,
        SourceFormat::Docx,
        SourceFormat::Pdf,
    ];
    for (i, format) in formats.into_iter().enumerate() {
        let mut brief = ws.briefs[0].clone();
        brief.id = BriefId(id(0x200 + i as u128));
        brief.source = Some(BriefSource {
            file_name: format!("f{i}"),
            format,
            imported,
            sha256: "0".repeat(64),
        });
        ws.briefs.push(brief);
    }
    for (i, likelihood) in Likelihood::ALL.into_iter().enumerate() {
        ws.scenarios.push(Scenario {
            id: ScenarioId(id(0x300 + i as u128)),
            title: format!("scenario {i}"),
            narrative: String::new(),
            likelihood,
        });
    }
    ws.determinants.push(Determinant {
        id: DeterminantId(id(0x400)),
        title: "determinant".into(),
        description: String::new(),
    });
    ws.tags.push(Tag {
        id: TagId(id(0x500)),
        name: "tag".into(),
        colour: Colour::nth(0),
        parent: None,
        description: String::new(),
    });
    let a = &mut ws.assessment;
    for (i, reliability) in Reliability::ALL.into_iter().enumerate() {
        a.grades.insert(
            ws.briefs[i].id,
            SourceGrade {
                reliability: Some(reliability),
                credibility: Some(Credibility::ALL[i]),
            },
        );
    }
    for (i, judgement) in Judgement::ALL.into_iter().enumerate() {
        a.judgements.insert(
            (ws.determinants[0].id, ws.scenarios[i].id),
            CellJudgement {
                judgement: Some(judgement),
                note: judgement.label().into(),
            },
        );
    }
    // One passage per relation, each linked to every scenario with that relation.
    for (i, relation) in Relation::ALL.into_iter().enumerate() {
        let mut p = edit::new_passage(&ws.briefs[0], i, i + 2, imported).expect("fits");
        p.id = PassageId(id(0x600 + i as u128));
        p.links = ws
            .scenarios
            .iter()
            .map(|s| Link {
                target: LinkTarget::Scenario(s.id),
                relation,
            })
            .collect();
        ws.passages.push(p);
    }
    let a = &mut ws.assessment;
    let first = ws.passages[0].id;
    for (i, rating) in Consistency::ALL.into_iter().enumerate() {
        a.ratings.insert((first, ws.scenarios[i].id), rating);
    }
    for (i, relevance) in Relevance::ALL.into_iter().enumerate() {
        a.relevance
            .insert((first, LinkTarget::Scenario(ws.scenarios[i].id)), relevance);
    }
    let indicator = ws.passages[2].id;
    for (i, status) in SignpostStatus::ALL.into_iter().enumerate() {
        a.signposts.insert(
            (indicator, ws.scenarios[i].id),
            Signpost {
                status,
                assessed: None,
            },
        );
    }
    for (i, c) in Credibility::ALL.into_iter().enumerate().take(3) {
        a.credibility.insert(ws.passages[i].id, c);
    }
    ws.memos
        .0
        .insert(MemoTarget::Brief(ws.briefs[0].id), "b".into());
    ws.memos
        .0
        .insert(MemoTarget::Tag(ws.tags[0].id), "t".into());
    ws.memos
        .0
        .insert(MemoTarget::Determinant(ws.determinants[0].id), "d".into());
    ws.memos
        .0
        .insert(MemoTarget::Scenario(ws.scenarios[0].id), "s".into());
    ws
}

#[test]
fn every_word_of_the_format_is_written_and_read_as_the_golden_file_says() {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/golden/every-word.ron");
    let ws = every_word();
    let written = file::to_ron(&ws);
    if std::env::var_os("BASIRA_UPDATE_GOLDEN").is_some() {
        std::fs::write(&path, &written).expect("write golden file");
    }
    let golden = std::fs::read_to_string(&path).expect("the golden file");
    assert_eq!(written, golden, "the bytes written changed");
    assert_eq!(
        file::parse(&golden),
        Ok(ws.clone()),
        "the golden file reads"
    );
    assert_eq!(
        file::parse_with_ron(&golden),
        Ok(ws),
        "and ron reads it alike"
    );
}
