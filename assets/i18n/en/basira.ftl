# Basira's interface in English. Every id here has its Arabic in ../ar/basira.ftl.
# Ids are grouped by where they show; see src/i18n/mod.rs for how code uses them.

## Actions (menu entries, their tooltips)

action-new = New
action-new-tooltip = Start a new, empty workspace
action-open = Open…
action-open-tooltip = Open a workspace file (.ron)
action-save = Save
action-save-tooltip = Save the workspace
action-save-as = Save As…
action-save-as-tooltip = Save the workspace under a new name
action-import-briefs = Import briefs…
action-import-briefs-tooltip = Import web pages (HTML), Word files (DOCX), PDFs, text or Markdown as briefs
action-quit = Quit
action-quit-tooltip = Close Basira
action-undo = Undo
action-undo-tooltip = Undo the last change
action-redo = Redo
action-redo-tooltip = Redo the last undone change
action-create-passage = Create passage
action-create-passage-tooltip = Mark the text selected in the reader as a passage
action-find = Find…
action-find-tooltip = Find text in the brief (ignoring harakat and tatweel)
action-find-next = Find next
action-find-next-tooltip = Select the next match in the brief
action-find-previous = Find previous
action-find-previous-tooltip = Select the previous match in the brief
action-search-all = Search all briefs…
action-search-all-tooltip = Search every brief of the workspace (optionally memos and names too), with hit counts and keyword-in-context lines
action-zoom-in = Zoom in
action-zoom-in-tooltip = Show the brief text larger
action-zoom-out = Zoom out
action-zoom-out-tooltip = Show the brief text smaller
action-zoom-reset = Actual size
action-zoom-reset-tooltip = Show the brief text at its normal size

## The menu bar

menu-file = File
menu-edit = Edit
menu-view = View
menu-analysis = Analysis
menu-language = Language
menu-digits = Digits
menu-digits-western = Western (0123456789)
menu-digits-arabic-indic = Arabic-Indic (٠١٢٣٤٥٦٧٨٩)
menu-undo-step = Undo: { $step }
menu-redo-step = Redo: { $step }
menu-create-passage-from-selection = Create passage from selection
menu-show-inspector = Show passage inspector
menu-edit-codebook = Edit codebook
menu-edit-determinants = Edit determinants
menu-edit-scenarios = Edit scenarios
menu-passages-list = Passages list

## Undo steps (what an edit is called in Undo: …)

step-rename-workspace = rename workspace
step-edit-workspace-memo = edit workspace memo
step-add-brief = add brief
step-remove-brief = remove brief
step-edit-brief-details = edit brief details
step-re-import-brief = re-import brief
step-dismiss-proposal = dismiss proposal
step-add-tag = add tag
step-remove-tag = remove tag
step-edit-tag = edit tag
step-add-determinant = add determinant
step-remove-determinant = remove determinant
step-edit-determinant = edit determinant
step-add-scenario = add scenario
step-remove-scenario = remove scenario
step-edit-scenario = edit scenario
step-create-passage = create passage
step-delete-passage = delete passage
step-tag-passage = tag passage
step-link-passage = link passage
step-edit-memo = edit memo
step-place-passage = place passage
step-import-briefs = import briefs
step-accept-proposal = accept proposal
step-accept-proposals = accept proposals
step-merge-tags = merge tags
step-move-tag = move tag
step-create-tag-and-apply = create tag and apply

## Tabs of the right panel

tab-passage = Passage
tab-codebook = Codebook
tab-determinants = Determinants
tab-scenarios = Scenarios
tab-structure = Structure
tab-search = Search

## Search all briefs

search-field = Search all briefs
search-memos-and-names = Also memos and names
search-whole-word = Whole word
search-prefixes = Attached Arabic prefixes (و ف ب ك ل ال)
search-regex = Regular expression
search-exact = Exact (harakat and hamza as written)
search-hint = Type a word or phrase to search every brief.
search-no-hits = No hits for «{ $query }».
search-error-empty = This query cannot be searched: it has nothing to find (harakat and tatweel alone are not searched for).
search-error-regex = This query cannot be searched: «{ $pattern }» is not a valid regular expression: { $message }
search-error-matches-empty = This query cannot be searched: the regular expression «{ $pattern }» matches the empty text; give it something to find.
regex-unclosed-group = unclosed group: a «(» has no «)»
regex-unopened-group = unopened group: a «)» has no «(»
regex-unclosed-class = unclosed character class: a «[» has no «]»
regex-repetition-missing = repetition operator missing expression: «*», «+», «?» or «{"{"}…{"}"}» has nothing before it to repeat
regex-invalid-escape = invalid escape sequence: a backslash stands before a character it cannot escape, or at the end
regex-invalid-class-range = invalid character class range: the start must come before the end
regex-invalid-repetition = invalid repetition count: write «{"{"}n{"}"}», «{"{"}n,{"}"}» or «{"{"}n,m{"}"}» with n no more than m
regex-unknown-unicode-class = Unicode class or property not found
regex-invalid-flag = invalid flag in a «(?…)» group
regex-look-around = look-around, including look-ahead and look-behind, is not supported
regex-backreference = backreferences are not supported
regex-too-big = it would take more than { $megabytes } MB to run
search-summary = { $hits ->
    [one] 1 hit
   *[other] { $hits } hits
} in { $briefs ->
    [one] 1 brief
   *[other] { $briefs } briefs
}
search-summary-elsewhere = { $hits ->
    [one] 1 hit
   *[other] { $hits } hits
} in memos and names
search-brief-count = { $brief }: { $count }
search-tag = Tag the passages
search-create-passages = Create passages ({ $count })
search-choose-hit = Choose hit { $number }
search-place-workspace-memo = Workspace memo
search-place-passage-memo = Passage memo
search-place-tag = Tag
search-place-determinant = Determinant
search-place-scenario = Scenario

## Common words

button-cancel = Cancel
button-discard = Discard
button-dismiss = Dismiss
button-remove = Remove
button-delete = Delete
button-show = Show
button-close = Close
untitled = (untitled)
unnamed = (unnamed)
untitled-workspace = Untitled
sample-suffix = { $name } (sample)
missing-brief = (missing brief)
missing-target = (missing)
any = any
choose = choose…

## Briefs panel

briefs-heading = Briefs
briefs-empty = No briefs yet. Import web pages, Word files, PDFs or text files, or drop them on the window.
brief-no-date = no date
brief-details = Brief details
brief-passages = Passages in this brief
brief-passages-none = None yet.
brief-new-version = Import new version…
brief-new-version-tooltip = Replace the text with a newer version of its source; every passage is placed again or listed as orphaned
brief-remove = Remove brief…
brief-remove-tooltip = Remove this brief and its passages
field-title = Title
field-author = Author
field-publisher = Publisher
field-url = URL
field-language = Language
field-date = Date (YYYY-MM-DD)
brief-date-invalid = Write the date as YYYY-MM-DD, e.g. 2025-09-25.
brief-imported-from = Imported from
brief-direction = Direction

## Source formats and reading directions

format-text = plain text
format-markdown = Markdown
format-html = HTML
format-docx = Word (DOCX)
format-pdf = PDF
direction-auto = Auto (from the text)
direction-rtl = Right to left
direction-ltr = Left to right

## The reader

reader-no-brief = No brief selected. Import a brief (web page, Word file, PDF or text) with File > Import briefs…, or drop files here.
reader-name = Reader
passage-count = { $count ->
    [one] 1 passage
   *[other] { $count } passages
}
codebook-count-rollup = { $total ->
    [one] 1 passage
   *[other] { $total } passages
} · own { $own }
reader-select-first = Select some text below first
reader-hint = Select text to create a passage; click a highlight to inspect it.
find-field = Find
find-previous = Previous
find-next = Next
find-close-tooltip = Close the find bar (Escape)
find-close-name = Close find
find-no-matches = No matches
find-position = { $current } of { $total }
find-matches = { $count ->
    [one] 1 match
   *[other] { $count } matches
}

## The inspector

inspector-none = No passage selected. Select text in the reader and click “Create passage”, or click a highlight or a row of the passages list.
inspector-from = From:
inspector-characters = Characters { $start }–{ $end } · created { $created }
field-memo = Memo
inspector-delete-passage = Delete passage…
inspector-tags = Tags
inspector-codebook-empty = The codebook is empty: add tags in the Codebook tab.
inspector-links = Links
inspector-no-links = No links yet.
link-target-determinant = Determinant · { $title }
link-target-scenario = Scenario · { $title }
inspector-relation-to = Relation to { $target }
inspector-remove-link-to = Remove link to { $target }
inspector-no-targets = Add determinants or scenarios to link passages to them.
inspector-link-to = Link to
inspector-relation = Relation
inspector-add-link = Add link
relation-supports = supports
relation-weakens = weakens
relation-indicator = indicator

## Codebook, determinants, scenarios

codebook-add = Add tag
codebook-new-tag = New tag { $number }
codebook-empty = No tags yet.
codebook-colour-of = Colour of { $name }
codebook-name-of = Name of tag { $name }
codebook-top-level = (top level)
codebook-parent = Parent: { $parent }
codebook-parent-of = Parent of { $name }
codebook-description-of = Description of { $name }
codebook-remove-named = Remove tag { $name }
codebook-move-to = Move to
codebook-merge-into = Merge into
codebook-drag-handle = Drag { $name } onto another tag to move it under that tag
codebook-drop-top = Drop a tag here to move it to the top level
codebook-merge-tooltip = Every passage with this tag gets the chosen tag instead; its child tags move under it, its description and memo are added to it, and this tag is removed. Undo brings everything back.
status-merged-tags = Merged «{ $from }» into «{ $into }». Undo (Ctrl+Z) brings «{ $from }» back.
inspector-new-tag = New tag
inspector-create-tag = Create tag «{ $name }» and apply
inspector-apply-tag = Apply tag «{ $name }»
determinants-add = Add determinant
determinants-new = New determinant { $number }
determinants-empty = No determinants yet: the drivers that shape the outcome.
determinants-title-of = Title of determinant { $name }
determinants-description-of = Description of determinant { $name }
determinants-remove-named = Remove determinant { $name }
scenarios-add = Add scenario
scenarios-new = New scenario { $number }
scenarios-empty = No scenarios yet: the possible futures.
scenarios-title-of = Title of scenario { $name }
scenarios-narrative-of = Narrative of scenario { $name }
scenarios-likelihood = Likelihood: { $likelihood }
scenarios-likelihood-of = Likelihood of { $name }
scenarios-remove-named = Remove scenario { $name }
linked-passages = { $count ->
    [one] 1 linked passage
   *[other] { $count } linked passages
}
likelihood-unassessed = unassessed
likelihood-almost-no-chance = almost no chance (1–5%)
likelihood-very-unlikely = very unlikely (5–20%)
likelihood-unlikely = unlikely (20–45%)
likelihood-roughly-even = roughly even chance (45–55%)
likelihood-likely = likely (55–80%)
likelihood-very-likely = very likely (80–95%)
likelihood-almost-certain = almost certain (95–99%)

## The passages list

passages-heading = Passages ({ $shown } of { $total })
filter-brief = Brief
filter-tag = Tag
filter-determinant = Determinant
filter-scenario = Scenario
passages-clear-filters = Clear filters
passages-empty = No passages yet.
passages-none-match = No passage matches the filters.
link-count = { $count ->
    [0] no links
    [one] 1 link
   *[other] { $count } links
}
passages-column-brief = Brief
passages-column-quote = Quote
passages-column-grade = Grade
passages-column-tags = Tags
passages-column-links = Links
passages-column-memo = Memo
passages-column-created = Created
passages-sort-by = Sort by { $column }
passages-sort-tooltip = Click to sort by this column
passages-sort-tooltip-reverse = Click again to reverse the order
passages-legend = ▲ { $supports } · ▼ { $weakens } · ◆ { $indicator }
passages-marks-tooltip = Each link's mark: a green triangle pointing up — supports; a red triangle pointing down — weakens; a blue diamond — indicator.
passages-link = { $relation } «{ $target }»
passages-has-memo = Has a memo
passages-open-in-reader = Open in reader
passages-copy-quote = Copy quote
status-copied-quote = Copied the quote to the clipboard.

## The Structure tab

structure-no-brief = No brief selected.
structure-show-dismissed = { $count ->
    [one] Show 1 dismissed proposal again
   *[other] Show { $count } dismissed proposals again
}
structure-outline = Outline
structure-no-headings = No headings found in this brief.
structure-notes = Notes
structure-show-in-reader = Show in the reader
structure-proposed-determinants = Proposed determinants ({ $count })
structure-proposed-scenarios = Proposed scenarios ({ $count })
structure-accept-all = Accept all
structure-none-open = None open.
structure-already-held = { $count } already in the analysis
structure-like = like
structure-accept-anyway = Accept anyway
structure-accept-anyway-tooltip = Add it as a new item, with its paragraph as a passage linked to it
field-name = Name
field-description = Description
structure-accept = Accept
structure-accept-tooltip = Add it, with its paragraph as a passage linked to it
structure-dismiss-tooltip = Do not offer it again
structure-orphans = { $count ->
    [one] 1 orphaned passage: its text is not in this version of the brief. Select where it belongs in the reader and click “Place at selection”, or delete it.
   *[other] { $count } orphaned passages: their text is not in this version of the brief. Select where each belongs in the reader and click “Place at selection”, or delete it.
}
structure-place = Place at selection

## Notices and the status bar

notice-dismiss-message = Dismiss message { $number }
notice-dismiss-all = Dismiss all
status-not-saved-yet = not saved yet
status-unsaved-changes = { $place } · unsaved changes
status-importing-file = Importing { $name }
status-started-new = Started a new workspace.
status-opened = Opened { $file }.
status-saved = Saved { $file }.
status-importing = Importing…
status-importing-version = Importing the new version…
status-imported = { $count ->
    [one] Imported 1 brief.
   *[other] Imported { $count } briefs.
}
status-autocoded = { $count ->
    [one] Created a passage from 1 hit.
   *[other] Created passages from { $count } hits.
}
status-undid = Undid: { $step }
status-redid = Redid: { $step }
status-nothing-to-undo = Nothing to undo.
status-nothing-to-redo = Nothing to redo.
status-no-matches = No matches in this brief.
status-select-first = Select some text in the reader first, then create the passage.
status-created-passage = Created a passage.
status-accepted = { $count ->
    [one] Accepted 1 proposal.
   *[other] Accepted { $count } proposals.
}
status-placed = Placed the passage.
status-reloaded = Reloaded { $file } from disk.
status-wait-for-workspace = Wait until the workspace is opened or saved.
working-opening = Opening { $file } ({ $megabytes } MB)…
working-saving = Saving { $file } ({ $megabytes } MB)…
status-discarded-copy = Discarded the recovered copy.
status-copy-kept = The recovered work is kept; Basira offers it again when it next starts.
status-restored = Restored the unsaved work kept at { $time }.
status-language = The interface is now in English.
error-could-not-apply = Could not { $step }: { $error }
error-undo-failed = Could not undo «{ $step }»: { $error }. Nothing was changed.
error-redo-failed = Could not redo «{ $step }»: { $error }. Nothing was changed.
error-create-passage = Could not create the passage: { $error }
error-autocode = Could not create passages from the hits: { $error }
error-place = Cannot place the passage: { $error }
error-save-failed = { $error } Your changes are still open, not saved: use Save As… (Ctrl+Shift+S) to save them elsewhere.
error-reload-failed = { $error } Your version is still open.
error-workspace-thread = Opening or saving the workspace stopped unexpectedly; nothing was changed. Your work is still open: try again, or use Save As… to save it elsewhere.
error-brief-gone = The brief to update was removed meanwhile.
error-delete-recovery = cannot delete the recovery file { $file }: { $error }
warning-place-select-first = Select the text where the passage belongs in the reader first.
warning-autosave-failed = Autosave failed: { $error }. Your work is still open; save it to keep it.
warning-more-copies = { $count ->
    [one] 1 more recovery copy is kept; Basira offers it again when it next starts.
   *[other] { $count } more recovery copies are kept; Basira offers them again when it next starts.
}
warning-import = { $name }: { $warning }
import-page-list = { $count ->
    [one] page { $last }
   *[other] pages { $rest } and { $last }
}
import-page-list-separator = { ", " }
warning-import-properties = its properties could not be read ({ $detail })
warning-import-embedded = the document embeds content from another file (an altChunk) that was not imported
warning-import-note-missing = { $kind ->
    [endnote] endnote
   *[footnote] footnote
} [{ $number }] is referenced but missing from the file
warning-import-charset-is-utf8 = the page declares { $declared } but its bytes are UTF-8; read as UTF-8
warning-import-charset-guessed = the page declares no character set and is not UTF-8; read as { $guessed }
warning-import-invalid-bytes = some bytes are not valid { $charset } (as { $source ->
    [bom] its byte-order mark
   *[meta] its <meta charset>
} says) and were replaced by �
warning-import-article-guessed = the page marks no article; its text is the part of the page with the most paragraphs
warning-import-pages-over-limit = only the first { $read } of its { $total } pages were read
warning-import-character-limit = only the text up to page { $page } was read: the document has more characters than the limit of { $limit }
warning-import-pages-without-text = { $count ->
    [one] { $pages } has no text layer (scanned or drawn as shapes) and was left out
   *[other] { $pages } have no text layer (scanned or drawn as shapes) and were left out
}; run them through OCR to import their text
warning-import-pages-over-safety-limit = { $pages } could not be read completely (over a safety limit)
warning-import-characters-without-text = { $count } characters were left out: their font does not say what text they stand for (no ToUnicode map); compare the text with the PDF
warning-settings = Cannot keep the interface settings: { $error }
new-version-summary = New version of «{ $title }»: { $summary }
new-version-orphans = { $message }. The orphaned passages are listed in the Structure tab.
reanchor-total = { $count ->
    [one] 1 passage
   *[other] { $count } passages
}
reanchor-kept = { $count } in place
reanchor-moved = { $count } moved
reanchor-fuzzy = { $count } fuzzy-matched
reanchor-orphaned = { $count } orphaned

## What went wrong with a file (src/app/error_text.rs)

io-not-found = the file or folder does not exist
io-permission-denied = permission denied
io-already-exists = a file of that name already exists
io-storage-full = the disk is full
io-read-only = the disk is read-only
io-is-a-folder = it is a folder
io-not-a-folder = a part of the path is not a folder
io-invalid-name = the name is not a valid file name
io-too-large = the file is too large for the file system
io-busy = another program is writing it; try again when it has finished
io-changed-on-disk = the file changed on disk since it was read (someone else wrote it); nothing was written
load-error-read = Cannot read { $file }: { $reason }.
load-error-folder = Cannot open { $file }: it is a folder, not a workspace file.
load-error-not-a-file = Cannot open { $file }: it is not a regular file (a device, pipe or socket).
load-error-too-large = Cannot open { $file }: it is { $size } bytes, more than the limit of { $limit } bytes.
load-error-not-text = Cannot open { $file }: it is not UTF-8 text (invalid byte at offset { $offset }).
load-error-empty = Cannot open { $file }: the file is empty.
load-error-syntax = Cannot open { $file }: it is not a readable workspace (line { $line }, column { $column }: { $detail }).
load-error-not-a-workspace = Cannot open { $file }: it is not a Basira workspace (its format is «{ $format }»).
load-error-newer = Cannot open { $file }: it was written by a newer Basira (format version { $found }; this one reads up to { $known }). Update Basira to open it.
load-error-unknown-version = Cannot open { $file }: format version { $version } is not known.
load-error-invalid = Cannot open { $file }: { $count ->
    [one] one problem
   *[other] { $count } problems
} found:
{ $problems }
import-error-read = Cannot import { $file }: { $reason }.
import-error-folder = Cannot import { $file }: it is a folder.
import-error-not-a-file = Cannot import { $file }: it is not a regular file (a device, pipe or socket).
import-error-too-large = Cannot import { $file }: it is { $size } bytes, more than the limit of { $limit } bytes.
import-error-not-text = Cannot import { $file }: it is not UTF-8 text (invalid byte at offset { $offset }).
import-error-binary = Cannot import { $file }: it is a binary file, not text (a NUL byte at offset { $offset }).
import-error-empty = Cannot import { $file }: the file holds no text.
import-error-unknown-format = Cannot import { $file }: it is not a format Basira imports (HTML, Word DOCX, PDF, plain text or Markdown).
import-error-crashed = Cannot import { $file }: the importer stopped unexpectedly (a bug in Basira); nothing was changed.
import-error-corrupt = Cannot import { $file }: it is not a valid { $format } file ({ $detail }).
import-error-encrypted = Cannot import { $file }: it is an encrypted { $format } file; save an unprotected copy and import that.
import-error-no-text-layer = Cannot import { $file }: it has no text layer (a scanned or image-only PDF); run it through OCR first and import the result.
import-error-too-big = Cannot import { $file }: it exceeds a safety limit ({ $detail }).
save-error = Cannot save { $file }: { $reason }.
output-error-is-input = will not write { $file }: it is the workspace being exported; choose another file
output-error-folder = will not write { $file }: it is a folder
output-error-not-a-file = will not write { $file }: it is not a regular file (a device, pipe or socket)
output-error-io = cannot write { $file }: { $reason }

## Dialogs

drop-hint = Drop web pages, Word files, PDFs or text files to import them as briefs, or a .ron workspace to open it
unsaved-heading = Save changes?
unsaved-before-new = “{ $name }” has unsaved changes. Save them before starting a new workspace?
unsaved-before-open = “{ $name }” has unsaved changes. Save them before opening another workspace?
unsaved-before-quit = “{ $name }” has unsaved changes. Save them before quitting?
remove-brief-heading = Remove brief?
remove-brief-body = { $count ->
    [one] “{ $title }” and its 1 passage will be removed. Undo brings them back.
   *[other] “{ $title }” and its { $count } passages will be removed. Undo brings them back.
}
prompt-open = Open workspace
prompt-save = Save workspace as
prompt-import = Import briefs
prompt-new-version = Import a new version of the brief
prompt-verb-open = Open
prompt-verb-save = Save
prompt-verb-import = Import
prompt-no-dialog = No file dialog is available here. Type the path of the file.
prompt-path = Path
prompt-example-workspace = /home/me/analysis.ron
prompt-example-brief = /home/me/brief.pdf (or .docx, .html, .txt)
recover-heading = Recover unsaved work?
recover-intro = Basira did not close properly last time. It kept a copy of work that was not saved:
recover-workspace = Workspace: { $title }
recover-file = File: { $file }
recover-never-saved = File: never saved
recover-holds = Holds: { $briefs }, { $passages }
recover-briefs = { $count ->
    [one] 1 brief
   *[other] { $count } briefs
}
recover-kept-at = Copy kept at: { $time } ({ $edits } since the last save)
recover-edits = { $count ->
    [one] 1 edit
   *[other] { $count } edits
}
recover-position = Copy { $position } of { $count }
recover-restore = Restore
recover-restore-tooltip = Open the copy as unsaved work on its file
recover-discard-tooltip = Delete the copy
disk-heading = Changed on disk
disk-body = “{ $name }” was changed on disk since you opened or last saved it — by hand, by git or by another Basira. Saving now would overwrite those changes.
disk-reload = Reload
disk-reload-dirty-tooltip = Discard your changes and load the version on disk
disk-reload-tooltip = Load the version on disk
disk-keep-mine = Keep mine (save anyway)
disk-keep-mine-tooltip = Save your version over the one on disk
disk-save-as = Save as…
disk-save-as-tooltip = Save your version to another file
disk-changed-dirty = “{ $name }” was changed on disk by someone else, and you have unsaved changes.
disk-changed = “{ $name }” was changed on disk by someone else.
disk-missing = “{ $name }” is no longer on disk (moved or deleted). Save writes it again.

## File dialogs

file-dialog-open = Open workspace
file-dialog-save = Save workspace
file-dialog-import = Import briefs
file-filter-workspace = Basira workspace
file-filter-briefs = Briefs (web pages, Word, PDF, text)
file-filter-all = All files (the format is read from the content)

## Months (dates in the interface)

month-1 = January
month-2 = February
month-3 = March
month-4 = April
month-5 = May
month-6 = June
month-7 = July
month-8 = August
month-9 = September
month-10 = October
month-11 = November
month-12 = December

## Source grades, the analysis board's words

step-grade-brief = grade brief
step-set-passage-credibility = set passage credibility
step-set-link-relevance = set link relevance
step-judge-cell = judge cell
step-rate-evidence = rate evidence
step-change-weights = change weights
step-assess-signpost = assess signpost
reliability-a = completely reliable
reliability-b = usually reliable
reliability-c = fairly reliable
reliability-d = not usually reliable
reliability-e = unreliable
reliability-f = reliability cannot be judged
credibility-1 = confirmed by other independent sources
credibility-2 = probably true
credibility-3 = possibly true
credibility-4 = doubtful
credibility-5 = improbable
credibility-6 = truth cannot be judged
relevance-low = low
relevance-medium = medium
relevance-high = high
relevance-unset = not set
judgement-strongly-against = strongly against
judgement-against = against
judgement-neutral = neutral
judgement-for = for
judgement-strongly-for = strongly for
consistency-cc = very consistent
consistency-c = consistent
consistency-n = neutral
consistency-i = inconsistent
consistency-ii = very inconsistent
consistency-na = not applicable
signpost-not-seen = not seen
signpost-emerging = emerging
signpost-observed = observed
signpost-contradicted = contradicted
grade-heading = Source grade
grade-reliability = Source reliability
grade-credibility = Information credibility
grade-not-graded = not graded
grade-badge = Source grade { $badge }
inspector-credibility = Credibility of this passage
inspector-credibility-inherit = as its brief
inspector-relevance-of = Relevance of the link to { $target }

## The analysis board

action-board = Analysis board
action-board-tooltip = Show the analysis board in place of the reader, or the reader again
board-heading = Analysis board
board-matrix = Drivers × scenarios
board-ach = Competing scenarios
board-sensitivity = Sensitivity
board-indicators = Indicators
board-frequencies = Frequencies
board-back-to-reader = Back to the reader
board-open-in-reader = Open in the reader
board-what-if-on = What-if: { $passages ->
    [one] 1 passage
   *[other] { $passages } passages
} and { $briefs ->
    [one] 1 brief
   *[other] { $briefs } briefs
} left out of the scores
board-what-if-clear = Count everything again
board-matrix-empty = The matrix needs at least one determinant and one scenario (Analysis > Edit determinants, Edit scenarios).
board-matrix-hint = Each cell: your judgement of how the driver bears on the future (-2 … +2), and the passages linked to both, by their relation to the scenario. Click a cell to judge it and see its passages.
board-matrix-corner = rows: determinants; columns: scenarios
board-cell-counts = { $supports } for · { $weakens } against · { $indicators } ind.
board-matrix-cell = «{ $determinant }» × «{ $scenario }»: { $judgement }; { $evidence }
board-not-judged = not judged
board-legend = Judgement:
board-cell-heading = «{ $determinant }» × «{ $scenario }»
board-judgement = Judgement
board-note = Note
board-cell-passages = { $count ->
    [0] No passage is linked to both.
    [one] 1 passage linked to both:
   *[other] { $count } passages linked to both:
}
board-relations = { $determinant } the driver, { $scenario } the scenario
board-no-scenarios = There are no scenarios yet (Analysis > Edit scenarios).
board-ach-hint = Rows are evidence, columns scenarios. Only inconsistency counts (I = 1, II = 2): the scenario with the least is ranked first. Ratings in lighter cells come from the link (supports > C, weakens > I); click a cell to set one (right-click for a menu).
board-ach-no-rows = No passage is linked to a scenario yet (or carries the chosen tag).
board-ach-corner = rows: evidence; columns: scenarios
board-ach-score = inconsistency { $inconsistency } · weighted { $weighted } · rank { $rank }
board-row-weight = weight { $weight }
board-non-diagnostic = non-diagnostic
board-discounted = left out (what-if)
board-not-rated = not rated
board-rating-set = rated by the analyst
board-rating-from-link = from the link
board-from-link-mark = link
board-ach-cell = { $passage } × «{ $scenario }»: { $rating } ({ $how })
board-rating-use-link = Let the link decide
board-rating-heading = Rating of { $passage } for «{ $scenario }»
board-rows = Rows
board-rows-linked = Passages linked to a scenario
board-rows-tagged = Passages tagged «{ $tag }»
board-sort = Sort by
board-order-diagnosticity = diagnosticity
board-order-brief = brief
board-order-date = date
board-order-weight = weight
board-weights = Weights
board-weights-hint = Each row's inconsistency is multiplied by the weight of its brief's reliability, of its credibility and of its link's relevance. An unset grade weighs 1.
board-weight-relevance = relevance { $relevance }
board-weight-less = Lower the weight of { $name }
board-weight-more = Raise the weight of { $name }
board-weight-value = Weight of { $name }
board-weight-type = Click to type a weight (0 to 10), or drag it.
board-weights-reset = Reset the weights
board-what-if-passage = What if without this passage
board-what-if-brief = What if without «{ $brief }»
board-what-if-this-brief = What if without this brief
board-close-call = Close call: «{ $first }» and «{ $second }» are within one inconsistency point of each other.
board-sensitivity-hint = Critical evidence: each passage, and each brief, that left out on its own would change the top scenario or swap two ranks. Check these first. A what-if leaves evidence out of the scores until you count it again; it is not saved.
board-ranking = Ranking
board-ranking-row = { $rank }. «{ $scenario }» — inconsistency { $inconsistency }, weighted { $weighted }
board-critical = { $count ->
    [one] 1 critical item
   *[other] { $count } critical items
}
board-critical-none = No single passage or brief changes the ranking.
board-critical-brief = The brief «{ $brief }»
board-change = Without it { $change }.
board-what-if-heading = What if without a brief
board-what-if-hint = Leave a whole brief out of the scores and see the ranking change.
board-indicators-hint = Signposts are passages linked to a scenario as an indicator. Set each one's status as events unfold; the timeline shows, brief by brief in order of publication, when each scenario's signposts were seen.
board-timeline = Timeline
board-timeline-cell = «{ $brief }», «{ $scenario }»: { $signposts }
board-timeline-none = no signposts
board-signposts-of = «{ $scenario }»: { $count ->
    [one] 1 signpost
   *[other] { $count } signposts
}
board-signposts-none = No passage is linked to it as an indicator.
board-signpost-status = Status
board-not-assessed = not assessed
board-assessed-on = assessed { $date }
board-no-tags = The codebook has no tags yet.
board-frequencies-hint = How many passages carry each tag, counting the tags below it. Click a count to list its passages.
board-tag-brief = Tags × briefs
board-tag-tag = Tags × tags
board-tag-tag-hint = Passages carrying both tags; in brackets, overlapping passages that carry one each.
board-tag-brief-cell = «{ $tag }» in «{ $brief }»: { $count ->
    [one] 1 passage
   *[other] { $count } passages
}
board-tag-tag-cell = «{ $first }» with «{ $second }»: { $both ->
    [one] 1 passage
   *[other] { $both } passages
} carrying both, { $overlapping } overlapping

## Excerpt exports (CSV headers, Markdown headings)

export-csv-brief = brief
export-csv-brief-date = brief_date
export-csv-quote = quote
export-csv-tags = tags
export-csv-determinants = determinants
export-csv-scenarios = scenarios
export-csv-memo = memo
export-csv-start = start
export-csv-end = end
export-csv-passage-id = passage_id
export-csv-created = created
export-csv-grade = grade
export-md-workspace = Workspace
export-md-title = { $title }: excerpts
export-md-count = { $count ->
    [one] 1 excerpt.
   *[other] { $count } excerpts.
}
export-md-by-determinant = By determinant
export-md-by-scenario = By scenario
export-md-likelihood = Judged likelihood: { $likelihood }.
export-md-unlinked = Not linked to a determinant or scenario
export-md-code-points = code points { $start }–{ $end }
export-md-tags = tags: { $tags }
export-md-memo = Memo: { $memo }
export-md-memos = Memos
export-md-memo-on-workspace = Workspace
export-md-memo-on-brief = Brief
export-md-memo-on-tag = Tag
export-md-memo-on-determinant = Determinant
export-md-memo-on-scenario = Scenario
export-md-analysis = Analysis
export-md-no-scenarios = No scenarios to weigh.
export-md-ranking-about = Scenarios weighed by the inconsistency of the evidence with each (rank 1 = least inconsistent).
export-md-col-rank = rank
export-md-col-scenario = scenario
export-md-col-inconsistency = inconsistency
export-md-col-weighted = weighted
export-md-warning = Warning:
export-md-critical = Critical evidence
export-md-critical-passage = passage «{ $what }», discounted
export-md-critical-brief = brief «{ $what }», discounted
export-md-matrix = Determinants × scenarios
export-md-col-determinant = determinant
export-md-col-judgement = judgement
export-md-col-supports = supports
export-md-col-weakens = weakens
export-md-col-indicators = indicators
export-md-col-note = note
export-md-signposts = Signposts
export-md-assessed = , assessed { $date }

## Reports (basira report, File → Export report…): headings, labels and fixed sentences

report-untitled = Analysis
report-meta = { $excerpts } excerpts from { $sources } source(s)
report-meta-written = { $excerpts } excerpts from { $sources } source(s) · report written { $date } with Basira
report-source-file = { $file } ({ $format }), imported { $date }
report-scope-brief = Only excerpts from «{ $name }».
report-scope-tag = Only excerpts tagged «{ $name }» (or a tag below it).
report-scope-determinant = Only the determinant «{ $name }».
report-scope-scenario = Only the scenario «{ $name }».
report-question = The question
report-scenarios = Scenarios
report-analysis = Analysis: determinants against scenarios
report-ranking = Ranking of the scenarios
report-matrix = Evidence shared by each determinant and scenario
report-determinants = Determinants and their evidence
report-scenario-evidence = Scenarios and their evidence
report-unlinked = Other evidence
report-unlinked-note = Excerpts coded in the workspace but linked to no determinant or scenario.
report-codebook = Codebook
report-sources = Sources
report-no-ranking = The scenarios are not ranked: no excerpt is linked to a scenario yet.
report-matrix-note = Each cell gives the analyst's judgement of how the determinant (row) bears on the scenario (column), from −2 (strongly against) to +2 (strongly for), and counts the excerpts linked to both by how they bear on the scenario.
report-col-scenario = Scenario
report-col-likelihood = Judged likelihood
report-col-supporting = Supporting
report-col-weakening = Weakening
report-col-indicators = Indicators
report-col-rank = Rank
report-col-inconsistency = Inconsistency of the evidence
report-col-determinant = Determinant
report-col-tag = Tag
report-col-excerpts = Excerpts
report-col-with-subtags = With sub-tags
report-col-description = Description
report-likelihood = Judged likelihood:
report-item-counts = { $count ->
        [one] 1 excerpt
       *[other] { $count } excerpts
    }: { $supports } supporting, { $weakens } weakening, { $indicators ->
        [one] 1 indicator
       *[other] { $indicators } indicators
    }.
report-tags = tags: { $tags }
report-memo = Memo:
report-source-excerpts = { $count ->
        [one] 1 excerpt
       *[other] { $count } excerpts
    } in this report.
report-footnotes = The brief's footnotes:
report-cell-supporting = { $count } supporting
report-cell-weakening = { $count } weakening
report-cell-indicators = { $count ->
        [one] 1 indicator
       *[other] { $count } indicators
    }
report-judgement-strongly-against = strongly against
report-judgement-against = against
report-judgement-neutral = neutral
report-judgement-for = for
report-judgement-strongly-for = strongly for
report-score = { $points } inconsistency point(s), weighted { $weighted }
report-ranking-about = Ranked by the inconsistency of { $count ->
        [one] 1 excerpt
       *[other] { $count } excerpts
    } with each scenario (competing-scenarios matrix): the least inconsistent first.
report-close-call = A close call: «{ $a }» and «{ $b }» are within one inconsistency point of each other.
report-critical = Critical evidence: { $passages ->
        [one] 1 excerpt
       *[other] { $passages } excerpts
    } and { $briefs ->
        [one] 1 brief
       *[other] { $briefs } briefs
    } would each, left out alone, change the ranking.
report-whole-workspace = The ranking and the matrix are the analysis board's, over the whole workspace.

## Excerpt export (File → Export excerpts…, Edit → Copy excerpts)

action-export-excerpts = Export excerpts…
action-export-excerpts-tooltip = Write the passages, filtered as you choose, as CSV, Markdown or JSON
action-copy-excerpts = Copy excerpts
action-copy-excerpts-tooltip = Copy the passages the list shows to the clipboard, as Markdown
export-heading = Export excerpts
export-format = Format:
export-format-csv = CSV (spreadsheets)
export-format-markdown = Markdown (reports)
export-format-json = JSON (other tools)
export-count = { $count ->
    [one] 1 excerpt will be written.
   *[other] { $count } excerpts will be written.
}
export-write = Export…
status-exporting = Writing the excerpts to { $file }…
notice-exported = { $count ->
    [one] Wrote 1 excerpt to { $file }.
   *[other] Wrote { $count } excerpts to { $file }.
}
error-export-failed = Could not export the excerpts: { $error }
status-copied-excerpts = { $count ->
    [one] Copied 1 excerpt to the clipboard as Markdown.
   *[other] Copied { $count } excerpts to the clipboard as Markdown.
}
prompt-export = Export excerpts to
prompt-verb-export = Export
prompt-example-export = /home/me/excerpts.csv (or .md, .json)
file-dialog-export = Export excerpts
file-filter-csv = CSV
file-filter-markdown = Markdown
file-filter-json = JSON

## Report (File → Export report…)

action-export-report = Export report…
action-export-report-tooltip = Write the analysis for a reader without Basira, as one HTML file or a Word document, in the interface's language
report-dialog-heading = Export report
report-format-html = HTML (one self-contained file)
report-format-docx = Word (.docx)
report-dialog-count = { $count ->
    [one] The report will quote 1 excerpt.
   *[other] The report will quote { $count } excerpts.
}
report-dialog-language = Its headings and labels will be in English, the interface's language.
status-writing-report = Writing the report to { $file }…
notice-report-written = { $count ->
    [one] Wrote the report (1 excerpt) to { $file }.
   *[other] Wrote the report ({ $count } excerpts) to { $file }.
}
report-error-docx = could not make the Word document { $file }: { $error }
error-report-failed = Could not write the report: { $error }
prompt-report = Write the report to
prompt-example-report = /home/me/report.html (or .docx)
file-dialog-report = Export report
file-filter-html = Web page (HTML)
file-filter-docx = Word document

## Removal (the same dialog for briefs, passages, tags, determinants and scenarios)

button-remove-ask = Remove…
remove-undo-hint = Undo (Ctrl+Z) brings it back.
status-removed = Done: { $step }. Undo (Ctrl+Z) brings it back.
remove-tag-heading = Remove tag?
remove-tag-body = { $count ->
    [0] «{ $name }» — no passage uses it.
    [one] «{ $name }» — used by 1 passage, which loses it.
   *[other] «{ $name }» — used by { $count } passages, which lose it.
}
remove-tag-children = { $count ->
    [one] Its child tag moves up a level.
   *[other] Its { $count } child tags move up a level.
}
remove-determinant-heading = Remove determinant?
remove-determinant-body = { $count ->
    [0] «{ $name }» — no passage is linked to it.
    [one] «{ $name }» — linked from 1 passage; that link goes with it.
   *[other] «{ $name }» — linked from { $count } passages; those links go with it.
}
remove-scenario-heading = Remove scenario?
remove-scenario-body = { $count ->
    [0] «{ $name }» — no passage is linked to it.
    [one] «{ $name }» — linked from 1 passage; that link goes with it.
   *[other] «{ $name }» — linked from { $count } passages; those links go with it.
}
remove-passage-heading = Delete passage?
remove-passage-body = «{ $quote }» will be deleted, with { $tags } and { $links }.
tag-count = { $count ->
    [0] no tags
    [one] 1 tag
   *[other] { $count } tags
}

## Command palette and keyboard shortcuts

action-command-palette = Command palette…
action-command-palette-tooltip = Find any command by typing part of its name, and run it
action-keyboard-shortcuts = Keyboard shortcuts
action-keyboard-shortcuts-tooltip = List every command with its keyboard shortcuts
menu-help = Help
palette-field = Command
palette-none = No command matches.
shortcuts-heading = Keyboard shortcuts
shortcuts-none = (none)

## Small things: the selection label, the interface's text size

reader-selection = «{ $quote }» ({ $start }–{ $end })
menu-text-size = Text size
menu-text-size-percent = { $percent }%

## Changing a passage's range; the reader's context menu

step-change-passage-range = change passage range
inspector-to-selection = Extend / shrink to selection
inspector-to-selection-tooltip = Give the passage the range selected in the reader; its quote and context follow
status-select-range-first = Select in the reader the range the passage should have first.
status-range-changed = The passage now has the selected range.
reader-create-tagged = Create and tag with
reader-create-linked = Create and link to
reader-tag-passage = Tag passage
reader-link-passage = Link passage to

## Memos (13.8): memo fields on every object and the Memos tab.
tab-memos = Memos
memo-kind-workspace = Workspace
memo-kind-brief = Brief
memo-kind-passage = Passage
memo-kind-tag = Tag
memo-kind-determinant = Determinant
memo-kind-scenario = Scenario
memo-on = Memo on { $name }
brief-memo = Brief memo
memos-workspace = Workspace memo
memos-count = { $count ->
    [one] 1 memo
   *[other] { $count } memos
}
memos-count-filtered = { $count ->
    [one] { $shown } of 1 memo
   *[other] { $shown } of { $count } memos
}
memos-none = No memos yet: write one on the workspace above, or on a brief, passage, tag, determinant or scenario.
memos-none-match = No memo matches the filter.
memos-row = { $kind }: { $title }
memos-open-tooltip = Open what this memo is on
memos-filter = Filter memos
memos-kind = Kind of memo
memos-kind-all = All kinds
memos-of-workspace = Memos on the workspace
memos-of-briefs = Memos on briefs
memos-of-passages = Memos on passages
memos-of-tags = Memos on tags
memos-of-determinants = Memos on determinants
memos-of-scenarios = Memos on scenarios

## The inspector (13.4).
inspector-no-tags = No tags yet: tick them under Tags below.

## The analysis in words (the board, the exports and basira analysis)

analysis-and = { $first } and { $second }
analysis-now-shared = now { $before } share it
analysis-now-alone = now { $before } alone
analysis-change-tie = { $after } would tie for the top ({ $now })
analysis-change-first-alone = { $after } would rank first alone ({ $now })
analysis-change-instead = { $after } would rank first instead of { $before }
analysis-change-swap = «{ $first }» (rank { $first_rank }) and «{ $second }» (rank { $second_rank }) would swap places
analysis-change-also = { $first }; { $second }
analysis-close-call = «{ $first }» and «{ $second }» are within one inconsistency point of each other: the ranking does not separate them
