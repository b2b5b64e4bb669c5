# واجهة بصيرة بالعربية. لكل معرِّف هنا نظيره الإنجليزي في ../en/basira.ftl.
# المصطلحات كما في وثيقة المجال: مساحة عمل، ورقة، مقطع، وسم، محدِّد، سيناريو، مذكرة، ربط،
# يدعم / يُضعف / مؤشِّر.

## الأوامر (بنود القوائم وتلميحاتها)

action-new = جديد
action-new-tooltip = بدء مساحة عمل جديدة فارغة
action-open = فتح…
action-open-tooltip = فتح ملف مساحة عمل (‎.ron)
action-save = حفظ
action-save-tooltip = حفظ مساحة العمل
action-save-as = حفظ باسم…
action-save-as-tooltip = حفظ مساحة العمل باسم جديد
action-import-briefs = استيراد أوراق…
action-import-briefs-tooltip = استيراد صفحات ويب (HTML) وملفات Word (DOCX) وملفات PDF ونصوص أو Markdown بوصفها أوراقًا
action-quit = خروج
action-quit-tooltip = إغلاق بصيرة
action-undo = تراجع
action-undo-tooltip = التراجع عن آخر تغيير
action-redo = إعادة
action-redo-tooltip = إعادة آخر تغيير تراجعت عنه
action-create-passage = إنشاء مقطع
action-create-passage-tooltip = تعليم النص المحدَّد في القارئ مقطعًا
action-find = بحث…
action-find-tooltip = البحث عن نص في الورقة (مع تجاهل الحركات والتطويل)
action-find-next = النتيجة التالية
action-find-next-tooltip = تحديد النتيجة التالية في الورقة
action-find-previous = النتيجة السابقة
action-find-previous-tooltip = تحديد النتيجة السابقة في الورقة
action-search-all = البحث في كل الأوراق…
action-search-all-tooltip = البحث في كل أوراق مساحة العمل (والمذكرات والأسماء إن شئت)، مع عدد النتائج في كل ورقة وسطر سياق لكل نتيجة
action-zoom-in = تكبير
action-zoom-in-tooltip = عرض نص الورقة بحجم أكبر
action-zoom-out = تصغير
action-zoom-out-tooltip = عرض نص الورقة بحجم أصغر
action-zoom-reset = الحجم الفعلي
action-zoom-reset-tooltip = عرض نص الورقة بحجمه العادي

## شريط القوائم

menu-file = ملف
menu-edit = تحرير
menu-view = عرض
menu-analysis = تحليل
menu-language = اللغة
menu-digits = الأرقام
menu-digits-western = غربية (0123456789)
menu-digits-arabic-indic = هندية (٠١٢٣٤٥٦٧٨٩)
menu-undo-step = تراجع: { $step }
menu-redo-step = إعادة: { $step }
menu-create-passage-from-selection = إنشاء مقطع من التحديد
menu-show-inspector = عرض فاحص المقطع
menu-edit-codebook = تحرير دليل الوسوم
menu-edit-determinants = تحرير المحدِّدات
menu-edit-scenarios = تحرير السيناريوهات
menu-passages-list = قائمة المقاطع

## خطوات التراجع

step-rename-workspace = إعادة تسمية مساحة العمل
step-edit-workspace-memo = تحرير مذكرة مساحة العمل
step-add-brief = إضافة ورقة
step-remove-brief = حذف ورقة
step-edit-brief-details = تحرير بيانات الورقة
step-re-import-brief = إعادة استيراد ورقة
step-dismiss-proposal = رفض مقترح
step-add-tag = إضافة وسم
step-remove-tag = حذف وسم
step-edit-tag = تحرير وسم
step-add-determinant = إضافة محدِّد
step-remove-determinant = حذف محدِّد
step-edit-determinant = تحرير محدِّد
step-add-scenario = إضافة سيناريو
step-remove-scenario = حذف سيناريو
step-edit-scenario = تحرير سيناريو
step-create-passage = إنشاء مقطع
step-delete-passage = حذف مقطع
step-tag-passage = وسم مقطع
step-link-passage = ربط مقطع
step-edit-memo = تحرير مذكرة
step-place-passage = وضع مقطع
step-import-briefs = استيراد أوراق
step-accept-proposal = قبول مقترح
step-accept-proposals = قبول مقترحات
step-merge-tags = دمج وسمين
step-move-tag = نقل وسم
step-create-tag-and-apply = إنشاء وسم وتطبيقه

## ألسنة اللوحة الجانبية

tab-passage = المقطع
tab-codebook = دليل الوسوم
tab-determinants = المحدِّدات
tab-scenarios = السيناريوهات
tab-structure = البنية
tab-search = البحث

## البحث في كل الأوراق

search-field = البحث في كل الأوراق
search-memos-and-names = والمذكرات والأسماء أيضًا
search-whole-word = كلمة كاملة
search-prefixes = مع السوابق المتصلة (و ف ب ك ل ال)
search-regex = تعبير نمطي
search-exact = مطابقة تامة (الحركات والهمزات كما كُتبت)
search-hint = اكتب كلمة أو عبارة للبحث في كل الأوراق.
search-no-hits = لا نتائج لـ«{ $query }».
search-error-empty = لا يمكن البحث بهذا الاستعلام: ليس فيه ما يُبحث عنه (لا يُبحث عن الحركات والتطويل وحدها).
search-error-regex = لا يمكن البحث بهذا الاستعلام: «{ $pattern }» ليس تعبيرًا نمطيًا صحيحًا: { $message }
search-error-matches-empty = لا يمكن البحث بهذا الاستعلام: التعبير النمطي «{ $pattern }» يطابق النص الفارغ؛ أعطه شيئًا يجده.
regex-unclosed-group = مجموعة غير مغلقة: قوس «(» بلا «)»
regex-unopened-group = مجموعة لم تُفتح: قوس «)» بلا «(»
regex-unclosed-class = فئة محارف غير مغلقة: «[» بلا «]»
regex-repetition-missing = عامل تكرار بلا ما يكرِّره: لا شيء قبل «*» أو «+» أو «?» أو «{"{"}…{"}"}»
regex-invalid-escape = تهريب غير صالح: شرطة مائلة عكسية قبل محرف لا يُهرَّب، أو في آخر التعبير
regex-invalid-class-range = مدى غير صالح في فئة المحارف: يجب أن تسبق بدايتُه نهايتَه
regex-invalid-repetition = عدد تكرار غير صالح: القوس المعقوف غير مغلق أو بلا عدد، أو حدُّه الأدنى أكبر من الأعلى
regex-unknown-unicode-class = فئة أو خاصية يونيكود غير معروفة
regex-invalid-flag = راية غير صالحة في مجموعة «(?…)»
regex-look-around = النظر إلى الأمام أو إلى الخلف غير مدعوم
regex-backreference = الإحالة إلى مجموعة سابقة غير مدعومة
regex-too-big = يحتاج تنفيذه إلى أكثر من { $megabytes } ميغابايت
search-summary = النتائج: { $hits }، في أوراق عددها { $briefs }
search-summary-elsewhere = النتائج في المذكرات والأسماء: { $hits }
search-brief-count = { $brief }: { $count }
search-tag = وسم المقاطع
search-create-passages = إنشاء مقاطع ({ $count })
search-choose-hit = اختيار النتيجة { $number }
search-place-workspace-memo = مذكرة مساحة العمل
search-place-passage-memo = مذكرة مقطع
search-place-tag = وسم
search-place-determinant = محدِّد
search-place-scenario = سيناريو

## كلمات عامة

button-cancel = إلغاء
button-discard = تجاهل
button-dismiss = إخفاء
button-remove = حذف
button-delete = حذف
button-show = عرض
button-close = إغلاق
untitled = (بلا عنوان)
unnamed = (بلا اسم)
untitled-workspace = بلا عنوان
sample-suffix = { $name } (عيِّنة)
missing-brief = (ورقة مفقودة)
missing-target = (مفقود)
any = الكل
choose = اختر…

## لوحة الأوراق

briefs-heading = الأوراق
briefs-empty = لا أوراق بعد. استورد صفحات ويب أو ملفات Word أو PDF أو نصوصًا، أو أفلتها على النافذة.
brief-no-date = بلا تاريخ
brief-details = بيانات الورقة
brief-passages = مقاطع هذه الورقة
brief-passages-none = لا شيء بعد.
brief-new-version = استيراد نسخة جديدة…
brief-new-version-tooltip = استبدال النص بنسخة أحدث من مصدره؛ يوضع كل مقطع من جديد أو يُدرَج يتيمًا
brief-remove = حذف الورقة…
brief-remove-tooltip = حذف هذه الورقة ومقاطعها
field-title = العنوان
field-author = المؤلف
field-publisher = الناشر
field-url = الرابط
field-language = اللغة
field-date = التاريخ (YYYY-MM-DD)
brief-date-invalid = اكتب التاريخ بالصيغة YYYY-MM-DD، مثل 2025-09-25.
brief-imported-from = مستورد من
brief-direction = الاتجاه

## صيغ المصادر واتجاهات القراءة

format-text = نص عادي
format-markdown = Markdown
format-html = HTML
format-docx = Word (DOCX)
format-pdf = PDF
direction-auto = تلقائي (من النص)
direction-rtl = من اليمين إلى اليسار
direction-ltr = من اليسار إلى اليمين

## القارئ

reader-no-brief = لم تُحدَّد ورقة. استورد ورقة (صفحة ويب أو ملف Word أو PDF أو نص) من ملف > استيراد أوراق…، أو أفلت الملفات هنا.
reader-name = القارئ
passage-count = { $count ->
    [zero] لا مقاطع
    [one] مقطع واحد
    [two] مقطعان
    [few] { $count } مقاطع
    [many] { $count } مقطعًا
   *[other] { $count } مقطع
}
codebook-count-rollup = { $total ->
    [zero] لا مقاطع
    [one] مقطع واحد
    [two] مقطعان
    [few] { $total } مقاطع
    [many] { $total } مقطعًا
   *[other] { $total } مقطع
} · مباشرةً { $own }
reader-select-first = حدِّد نصًّا أدناه أولًا
reader-hint = حدِّد نصًّا لإنشاء مقطع؛ انقر تظليلًا لفحصه.
find-field = بحث
find-previous = السابق
find-next = التالي
find-close-tooltip = إغلاق شريط البحث (Escape)
find-close-name = إغلاق البحث
find-no-matches = لا نتائج
find-position = { $current } من { $total }
find-matches = { $count ->
    [zero] لا نتائج
    [one] نتيجة واحدة
    [two] نتيجتان
    [few] { $count } نتائج
    [many] { $count } نتيجةً
   *[other] { $count } نتيجة
}

## فاحص المقطع

inspector-none = لم يُحدَّد مقطع. حدِّد نصًّا في القارئ وانقر «إنشاء مقطع»، أو انقر تظليلًا أو صفًّا من قائمة المقاطع.
inspector-from = من:
inspector-characters = المحارف { $start }–{ $end } · أُنشئ في { $created }
field-memo = مذكرة
inspector-delete-passage = حذف المقطع…
inspector-tags = الوسوم
inspector-codebook-empty = دليل الوسوم فارغ: أضف وسومًا في لسان دليل الوسوم.
inspector-links = الروابط
inspector-no-links = لا روابط بعد.
link-target-determinant = محدِّد · { $title }
link-target-scenario = سيناريو · { $title }
inspector-relation-to = العلاقة بـ { $target }
inspector-remove-link-to = حذف الربط بـ { $target }
inspector-no-targets = أضف محدِّدات أو سيناريوهات لربط المقاطع بها.
inspector-link-to = ربط بـ
inspector-relation = العلاقة
inspector-add-link = إضافة ربط
relation-supports = يدعم
relation-weakens = يُضعف
relation-indicator = مؤشِّر

## دليل الوسوم والمحدِّدات والسيناريوهات

codebook-add = إضافة وسم
codebook-new-tag = وسم جديد { $number }
codebook-empty = لا وسوم بعد.
codebook-colour-of = لون { $name }
codebook-name-of = اسم الوسم { $name }
codebook-top-level = (المستوى الأعلى)
codebook-parent = الأصل: { $parent }
codebook-parent-of = أصل { $name }
codebook-description-of = وصف { $name }
codebook-remove-named = حذف الوسم { $name }
codebook-move-to = نقل إلى
codebook-merge-into = دمج في
codebook-drag-handle = اسحب { $name } إلى وسم آخر لنقله تحته
codebook-drop-top = أفلت الوسم هنا لنقله إلى المستوى الأعلى
codebook-merge-tooltip = كل مقطع يحمل هذا الوسم يحمل الوسم المختار بدلًا منه، وتنتقل وسومه الفرعية تحته، ويُضاف وصفه ومذكرته إليه، ثم يُحذف هذا الوسم. التراجع يعيد كل شيء.
status-merged-tags = دُمج «{ $from }» في «{ $into }». التراجع (Ctrl+Z) يعيد «{ $from }».
inspector-new-tag = وسم جديد
inspector-create-tag = إنشاء الوسم «{ $name }» وتطبيقه
inspector-apply-tag = تطبيق الوسم «{ $name }»
determinants-add = إضافة محدِّد
determinants-new = محدِّد جديد { $number }
determinants-empty = لا محدِّدات بعد: العوامل التي تصنع المآل.
determinants-title-of = عنوان المحدِّد { $name }
determinants-description-of = وصف المحدِّد { $name }
determinants-remove-named = حذف المحدِّد { $name }
scenarios-add = إضافة سيناريو
scenarios-new = سيناريو جديد { $number }
scenarios-empty = لا سيناريوهات بعد: المستقبلات الممكنة.
scenarios-title-of = عنوان السيناريو { $name }
scenarios-narrative-of = سرد السيناريو { $name }
scenarios-likelihood = الاحتمال: { $likelihood }
scenarios-likelihood-of = احتمال { $name }
scenarios-remove-named = حذف السيناريو { $name }
linked-passages = { $count ->
    [zero] لا مقاطع مربوطة
    [one] مقطع واحد مربوط
    [two] مقطعان مربوطان
    [few] { $count } مقاطع مربوطة
    [many] { $count } مقطعًا مربوطًا
   *[other] { $count } مقطع مربوط
}
likelihood-unassessed = غير مقدَّر
likelihood-almost-no-chance = شبه مستحيل (1–5%)
likelihood-very-unlikely = مستبعد جدًّا (5–20%)
likelihood-unlikely = مستبعد (20–45%)
likelihood-roughly-even = متكافئ تقريبًا (45–55%)
likelihood-likely = مرجَّح (55–80%)
likelihood-very-likely = مرجَّح جدًّا (80–95%)
likelihood-almost-certain = شبه مؤكَّد (95–99%)

## قائمة المقاطع

passages-heading = المقاطع ({ $shown } من { $total })
filter-brief = الورقة
filter-tag = الوسم
filter-determinant = المحدِّد
filter-scenario = السيناريو
passages-clear-filters = مسح عوامل التصفية
passages-empty = لا مقاطع بعد.
passages-none-match = لا مقطع يطابق عوامل التصفية.
link-count = { $count ->
    [zero] لا روابط
    [one] ربط واحد
    [two] ربطان
    [few] { $count } روابط
    [many] { $count } ربطًا
   *[other] { $count } ربط
}
passages-column-brief = الورقة
passages-column-quote = الاقتباس
passages-column-grade = الدرجة
passages-column-tags = الوسوم
passages-column-links = الروابط
passages-column-memo = المذكرة
passages-column-created = أُنشئ في
passages-sort-by = الترتيب حسب { $column }
passages-sort-tooltip = انقر للترتيب حسب هذا العمود
passages-sort-tooltip-reverse = انقر مرة أخرى لعكس الترتيب
passages-legend = ▲ { $supports } · ▼ { $weakens } · ◆ { $indicator }
passages-marks-tooltip = علامة كل ربط: مثلث أخضر إلى الأعلى — يدعم؛ مثلث أحمر إلى الأسفل — يُضعف؛ معيَّن أزرق — مؤشِّر.
passages-link = { $relation } «{ $target }»
passages-has-memo = له مذكرة
passages-open-in-reader = فتح في القارئ
passages-copy-quote = نسخ الاقتباس
status-copied-quote = نُسخ الاقتباس إلى الحافظة.

## لسان البنية

structure-no-brief = لم تُحدَّد ورقة.
structure-show-dismissed = { $count ->
    [one] إظهار المقترح المرفوض من جديد
    [two] إظهار المقترحَين المرفوضَين من جديد
    [few] إظهار { $count } مقترحات مرفوضة من جديد
    [many] إظهار { $count } مقترحًا مرفوضًا من جديد
   *[other] إظهار { $count } مقترح مرفوض من جديد
}
structure-outline = المخطط
structure-no-headings = لم يُعثَر على عناوين في هذه الورقة.
structure-notes = الهوامش
structure-show-in-reader = عرض في القارئ
structure-proposed-determinants = محدِّدات مقترحة ({ $count })
structure-proposed-scenarios = سيناريوهات مقترحة ({ $count })
structure-accept-all = قبول الكل
structure-none-open = لا مقترحات مفتوحة.
structure-already-held = في التحليل من قبل: { $count }
structure-like = يشبه
structure-accept-anyway = قبول على أي حال
structure-accept-anyway-tooltip = إضافته بندًا جديدًا، وفقرته مقطعًا مربوطًا به
field-name = الاسم
field-description = الوصف
structure-accept = قبول
structure-accept-tooltip = إضافته، وفقرته مقطعًا مربوطًا به
structure-dismiss-tooltip = عدم عرضه مرة أخرى
structure-orphans = { $count ->
    [one] مقطع يتيم واحد: نصه ليس في هذه النسخة من الورقة. حدِّد موضعه في القارئ وانقر «وضع عند التحديد»، أو احذفه.
    [two] مقطعان يتيمان: نصهما ليس في هذه النسخة من الورقة. حدِّد موضع كل منهما في القارئ وانقر «وضع عند التحديد»، أو احذفه.
    [few] { $count } مقاطع يتيمة: نصها ليس في هذه النسخة من الورقة. حدِّد موضع كل منها في القارئ وانقر «وضع عند التحديد»، أو احذفه.
    [many] { $count } مقطعًا يتيمًا: نصها ليس في هذه النسخة من الورقة. حدِّد موضع كل منها في القارئ وانقر «وضع عند التحديد»، أو احذفه.
   *[other] { $count } مقطع يتيم: نصها ليس في هذه النسخة من الورقة. حدِّد موضع كل منها في القارئ وانقر «وضع عند التحديد»، أو احذفه.
}
structure-place = وضع عند التحديد

## الإشعارات وشريط الحالة

notice-dismiss-message = إخفاء الرسالة { $number }
notice-dismiss-all = إخفاء الكل
status-not-saved-yet = لم يُحفَظ بعد
status-unsaved-changes = { $place } · تغييرات غير محفوظة
status-importing-file = جارٍ استيراد { $name }
status-started-new = بدأت مساحة عمل جديدة.
status-opened = فُتح { $file }.
status-saved = حُفظ { $file }.
status-importing = جارٍ الاستيراد…
status-importing-version = جارٍ استيراد النسخة الجديدة…
status-imported = { $count ->
    [one] استُوردت ورقة واحدة.
    [two] استُوردت ورقتان.
    [few] استُوردت { $count } أوراق.
    [many] استُوردت { $count } ورقةً.
   *[other] استُوردت { $count } ورقة.
}
status-autocoded = أُنشئت مقاطع من النتائج المختارة: { $count }.
status-undid = تراجعت عن: { $step }
status-redid = أعدت: { $step }
status-nothing-to-undo = لا شيء للتراجع عنه.
status-nothing-to-redo = لا شيء لإعادته.
status-no-matches = لا نتائج في هذه الورقة.
status-select-first = حدِّد نصًّا في القارئ أولًا، ثم أنشئ المقطع.
status-created-passage = أُنشئ مقطع.
status-accepted = { $count ->
    [one] قُبل مقترح واحد.
    [two] قُبل مقترحان.
    [few] قُبلت { $count } مقترحات.
    [many] قُبل { $count } مقترحًا.
   *[other] قُبل { $count } مقترح.
}
status-placed = وُضع المقطع.
status-reloaded = أُعيد تحميل { $file } من القرص.
status-wait-for-workspace = انتظر حتى يكتمل فتح مساحة العمل أو حفظها.
working-opening = يُفتح { $file } ({ $megabytes } م.ب)…
working-saving = يُحفظ { $file } ({ $megabytes } م.ب)…
status-discarded-copy = تُجوهلت النسخة المستردة.
status-copy-kept = احتُفظ بالعمل المسترد؛ تعرضه بصيرة مرة أخرى عند تشغيلها القادم.
status-restored = استُعيد العمل غير المحفوظ المحفوظ في { $time }.
status-language = الواجهة الآن بالعربية.
error-could-not-apply = تعذَّر { $step }: { $error }
error-undo-failed = تعذَّر التراجع عن «{ $step }»: { $error }. لم يتغيَّر شيء.
error-redo-failed = تعذَّرت إعادة «{ $step }»: { $error }. لم يتغيَّر شيء.
error-create-passage = تعذَّر إنشاء المقطع: { $error }
error-autocode = تعذَّر إنشاء مقاطع من النتائج: { $error }
error-place = تعذَّر وضع المقطع: { $error }
error-save-failed = { $error } تغييراتك ما زالت مفتوحة ولم تُحفَظ: استخدم «حفظ باسم…» (Ctrl+Shift+S) لحفظها في مكان آخر.
error-reload-failed = { $error } نسختك ما زالت مفتوحة.
error-workspace-thread = توقَّف فتح مساحة العمل أو حفظها على نحو غير متوقَّع، ولم يتغيَّر شيء. عملك ما زال مفتوحًا: حاول مرة أخرى، أو استخدم «حفظ باسم…» لحفظه في مكان آخر.
error-brief-gone = حُذفت الورقة المراد تحديثها في أثناء ذلك.
error-delete-recovery = تعذَّر حذف ملف الاسترداد { $file }: { $error }
warning-place-select-first = حدِّد أولًا في القارئ النص الذي يعود إليه المقطع.
warning-autosave-failed = فشل الحفظ التلقائي: { $error }. عملك ما زال مفتوحًا؛ احفظه لتحتفظ به.
warning-more-copies = { $count ->
    [one] احتُفظ بنسخة استرداد أخرى؛ تعرضها بصيرة مرة أخرى عند تشغيلها القادم.
    [two] احتُفظ بنسختَي استرداد أخريين؛ تعرضهما بصيرة مرة أخرى عند تشغيلها القادم.
    [few] احتُفظ بـ { $count } نسخ استرداد أخرى؛ تعرضها بصيرة مرة أخرى عند تشغيلها القادم.
    [many] احتُفظ بـ { $count } نسخة استرداد أخرى؛ تعرضها بصيرة مرة أخرى عند تشغيلها القادم.
   *[other] احتُفظ بـ { $count } نسخة استرداد أخرى؛ تعرضها بصيرة مرة أخرى عند تشغيلها القادم.
}
warning-import = { $name }: { $warning }
import-page-list = { $count ->
    [one] الصفحة { $last }
    [two] الصفحتين { $rest } و{ $last }
   *[other] الصفحات { $rest } و{ $last }
}
import-page-list-separator = { " و" }
warning-import-properties = تعذَّرت قراءة خصائص الملف ({ $detail })
warning-import-embedded = يضمُّ المستند محتوًى من ملف آخر لم يُستورَد
warning-import-note-missing = { $kind ->
    [endnote] يُشار إلى التعليق الختامي [{ $number }] لكنه ليس في الملف
   *[footnote] يُشار إلى الحاشية [{ $number }] لكنها ليست في الملف
}
warning-import-charset-is-utf8 = تُعلن الصفحة ترميز { $declared } لكن بايتاتها بترميز UTF-8؛ فقُرئت بترميز UTF-8
warning-import-charset-guessed = لا تُعلن الصفحة ترميزًا وليست بترميز UTF-8؛ فقُرئت بترميز { $guessed }
warning-import-invalid-bytes = بعض البايتات غير صالحة في ترميز { $charset } ({ $source ->
    [bom] كما تقول علامة ترتيب البايتات في أول الملف
   *[meta] كما يقول تصريح الترميز في الصفحة
}) فاستُبدل بها �
warning-import-article-guessed = لا تحدِّد الصفحة مقالًا؛ نصُّها هو الجزء الذي فيه أكثر الفقرات
warning-import-pages-over-limit = لم يُقرأ منه إلا أول { $read } صفحة من صفحاته البالغة { $total }
warning-import-character-limit = لم يُقرأ إلا النص حتى الصفحة { $page }: في المستند أحرف أكثر من الحد المسموح ({ $limit })
warning-import-pages-without-text = لا طبقة نص في { $pages } (ممسوحة ضوئيًّا أو مرسومة أشكالًا) فتُركت؛ مرِّرها على التعرف الضوئي على الحروف لاستيراد نصها
warning-import-pages-over-safety-limit = تعذَّرت قراءة { $pages } كاملةً (تجاوزت حدًّا من حدود الأمان)
warning-import-characters-without-text = { $count ->
    [one] تُرك حرف واحد
    [two] تُرك حرفان
    [few] تُركت { $count } أحرف
    [many] تُرك { $count } حرفًا
   *[other] تُرك { $count } حرف
}: لا يقول خطُّها أيَّ نص تمثِّل؛ قارن النص بملف PDF
warning-settings = تعذَّر حفظ إعدادات الواجهة: { $error }
new-version-summary = نسخة جديدة من «{ $title }»: { $summary }
new-version-orphans = { $message }. المقاطع اليتيمة مدرجة في لسان البنية.
reanchor-total = { $count ->
    [zero] لا مقاطع
    [one] مقطع واحد
    [two] مقطعان
    [few] { $count } مقاطع
    [many] { $count } مقطعًا
   *[other] { $count } مقطع
}
reanchor-kept = { $count } في مكانه
reanchor-moved = { $count } منقول
reanchor-fuzzy = { $count } بمطابقة تقريبية
reanchor-orphaned = { $count } يتيم

## ما أصاب الملف (src/app/error_text.rs)

io-not-found = الملف أو المجلد غير موجود
io-permission-denied = لا إذن بذلك
io-already-exists = يوجد ملف بهذا الاسم
io-storage-full = القرص ممتلئ
io-read-only = القرص للقراءة فقط
io-is-a-folder = إنه مجلد
io-not-a-folder = جزء من المسار ليس مجلدًا
io-invalid-name = الاسم لا يصلح اسمًا لملف
io-too-large = الملف أكبر مما يحتمله نظام الملفات
io-busy = برنامج آخر يكتب فيه؛ أعد المحاولة حين ينتهي
io-changed-on-disk = تغيَّر الملف على القرص منذ قُرئ (كتب فيه غيرك)؛ لم يُكتب شيء
load-error-read = تعذَّرت قراءة { $file }: { $reason }.
load-error-folder = تعذَّر فتح { $file }: إنه مجلد وليس ملف مساحة عمل.
load-error-not-a-file = تعذَّر فتح { $file }: ليس ملفًا عاديًّا (جهاز أو أنبوب أو مقبس).
load-error-too-large = تعذَّر فتح { $file }: حجمه { $size } بايت، أكبر من الحد وهو { $limit } بايت.
load-error-not-text = تعذَّر فتح { $file }: ليس نصًّا بترميز UTF-8 (بايت غير صالح عند الموضع { $offset }).
load-error-empty = تعذَّر فتح { $file }: الملف فارغ.
load-error-syntax = تعذَّر فتح { $file }: ليس مساحة عمل مقروءة (السطر { $line }، العمود { $column }: { $detail }).
load-error-not-a-workspace = تعذَّر فتح { $file }: ليس مساحة عمل لبصيرة (صيغته «{ $format }»).
load-error-newer = تعذَّر فتح { $file }: كتبه إصدار أحدث من بصيرة (إصدار الصيغة { $found }، وهذا الإصدار يقرأ حتى { $known }). حدِّث بصيرة لتفتحه.
load-error-unknown-version = تعذَّر فتح { $file }: إصدار الصيغة { $version } غير معروف.
load-error-invalid = تعذَّر فتح { $file }: { $count ->
    [one] وُجدت مشكلة واحدة
    [two] وُجدت مشكلتان
    [few] وُجدت { $count } مشكلات
    [many] وُجدت { $count } مشكلةً
   *[other] وُجدت { $count } مشكلة
}:
{ $problems }
import-error-read = تعذَّر استيراد { $file }: { $reason }.
import-error-folder = تعذَّر استيراد { $file }: إنه مجلد.
import-error-not-a-file = تعذَّر استيراد { $file }: ليس ملفًا عاديًّا (جهاز أو أنبوب أو مقبس).
import-error-too-large = تعذَّر استيراد { $file }: حجمه { $size } بايت، أكبر من الحد وهو { $limit } بايت.
import-error-not-text = تعذَّر استيراد { $file }: ليس نصًّا بترميز UTF-8 (بايت غير صالح عند الموضع { $offset }).
import-error-binary = تعذَّر استيراد { $file }: ملف ثنائي وليس نصًّا (بايت صفري عند الموضع { $offset }).
import-error-empty = تعذَّر استيراد { $file }: لا نص في الملف.
import-error-unknown-format = تعذَّر استيراد { $file }: ليس من الصيغ التي تستوردها بصيرة (HTML وWord DOCX وPDF والنص العادي وMarkdown).
import-error-crashed = تعذَّر استيراد { $file }: توقَّف المستورِد على غير المتوقع (خلل في بصيرة)؛ لم يتغيَّر شيء.
import-error-corrupt = تعذَّر استيراد { $file }: ليس ملف { $format } سليمًا ({ $detail }).
import-error-encrypted = تعذَّر استيراد { $file }: ملف { $format } مشفَّر؛ احفظ نسخة غير محمية واستوردها.
import-error-no-text-layer = تعذَّر استيراد { $file }: لا طبقة نص فيه (ملف PDF ممسوح ضوئيًّا أو صور فقط)؛ مرِّره على التعرف الضوئي على الحروف أولًا ثم استورد الناتج.
import-error-too-big = تعذَّر استيراد { $file }: يتجاوز حدًّا من حدود الأمان ({ $detail }).
save-error = تعذَّر حفظ { $file }: { $reason }.
output-error-is-input = لن يُكتب { $file }: إنه مساحة العمل التي تُصدَّر؛ اختر ملفًا آخر
output-error-folder = لن يُكتب { $file }: إنه مجلد
output-error-not-a-file = لن يُكتب { $file }: ليس ملفًا عاديًّا (جهاز أو أنبوب أو مقبس)
output-error-io = تعذَّرت كتابة { $file }: { $reason }

## مربعات الحوار

drop-hint = أفلت صفحات ويب أو ملفات Word أو PDF أو نصوصًا لاستيرادها أوراقًا، أو مساحة عمل ‎.ron لفتحها
unsaved-heading = حفظ التغييرات؟
unsaved-before-new = في «{ $name }» تغييرات غير محفوظة. أتحفظها قبل بدء مساحة عمل جديدة؟
unsaved-before-open = في «{ $name }» تغييرات غير محفوظة. أتحفظها قبل فتح مساحة عمل أخرى؟
unsaved-before-quit = في «{ $name }» تغييرات غير محفوظة. أتحفظها قبل الخروج؟
remove-brief-heading = حذف الورقة؟
remove-brief-body = { $count ->
    [zero] ستُحذف «{ $title }». يعيدها التراجع.
    [one] ستُحذف «{ $title }» ومقطعها الوحيد. يعيدهما التراجع.
    [two] ستُحذف «{ $title }» ومقطعاها. يعيدها التراجع.
    [few] ستُحذف «{ $title }» ومقاطعها الـ{ $count }. يعيدها التراجع.
   *[other] ستُحذف «{ $title }» ومقاطعها ({ $count }). يعيدها التراجع.
}
prompt-open = فتح مساحة عمل
prompt-save = حفظ مساحة العمل باسم
prompt-import = استيراد أوراق
prompt-new-version = استيراد نسخة جديدة من الورقة
prompt-verb-open = فتح
prompt-verb-save = حفظ
prompt-verb-import = استيراد
prompt-no-dialog = لا يتوفر مربع حوار للملفات هنا. اكتب مسار الملف.
prompt-path = المسار
prompt-example-workspace = /home/me/analysis.ron
prompt-example-brief = /home/me/brief.pdf (أو ‎.docx أو ‎.html أو ‎.txt)
recover-heading = استرداد العمل غير المحفوظ؟
recover-intro = لم تُغلَق بصيرة كما ينبغي في المرة السابقة. احتفظت بنسخة من عمل لم يُحفَظ:
recover-workspace = مساحة العمل: { $title }
recover-file = الملف: { $file }
recover-never-saved = الملف: لم يُحفَظ قط
recover-holds = تحتوي: { $briefs }، { $passages }
recover-briefs = { $count ->
    [zero] لا أوراق
    [one] ورقة واحدة
    [two] ورقتان
    [few] { $count } أوراق
    [many] { $count } ورقةً
   *[other] { $count } ورقة
}
recover-kept-at = حُفظت النسخة في: { $time } ({ $edits } منذ آخر حفظ)
recover-edits = { $count ->
    [zero] لا تعديلات
    [one] تعديل واحد
    [two] تعديلان
    [few] { $count } تعديلات
    [many] { $count } تعديلًا
   *[other] { $count } تعديل
}
recover-position = النسخة { $position } من { $count }
recover-restore = استعادة
recover-restore-tooltip = فتح النسخة عملًا غير محفوظ على ملفها
recover-discard-tooltip = حذف النسخة
disk-heading = تغيَّر على القرص
disk-body = تغيَّر «{ $name }» على القرص منذ فتحته أو حفظته آخر مرة — يدويًّا أو عبر git أو من نسخة أخرى من بصيرة. الحفظ الآن يكتب فوق تلك التغييرات.
disk-reload = إعادة تحميل
disk-reload-dirty-tooltip = تجاهل تغييراتك وتحميل النسخة التي على القرص
disk-reload-tooltip = تحميل النسخة التي على القرص
disk-keep-mine = إبقاء نسختي (الحفظ رغم ذلك)
disk-keep-mine-tooltip = حفظ نسختك فوق التي على القرص
disk-save-as = حفظ باسم…
disk-save-as-tooltip = حفظ نسختك في ملف آخر
disk-changed-dirty = غيَّر شخص آخر «{ $name }» على القرص، ولديك تغييرات غير محفوظة.
disk-changed = غيَّر شخص آخر «{ $name }» على القرص.
disk-missing = لم يعد «{ $name }» على القرص (نُقل أو حُذف). الحفظ يكتبه من جديد.

## مربعات حوار الملفات

file-dialog-open = فتح مساحة عمل
file-dialog-save = حفظ مساحة العمل
file-dialog-import = استيراد أوراق
file-filter-workspace = مساحة عمل بصيرة
file-filter-briefs = أوراق (صفحات ويب، Word، PDF، نصوص)
file-filter-all = كل الملفات (تُعرَف الصيغة من المحتوى)

## الأشهر

month-1 = يناير
month-2 = فبراير
month-3 = مارس
month-4 = أبريل
month-5 = مايو
month-6 = يونيو
month-7 = يوليو
month-8 = أغسطس
month-9 = سبتمبر
month-10 = أكتوبر
month-11 = نوفمبر
month-12 = ديسمبر

## درجات المصادر، وكلمات لوحة التحليل

step-grade-brief = تقدير الورقة
step-set-passage-credibility = تحديد مصداقية المقطع
step-set-link-relevance = تحديد صلة الربط
step-judge-cell = الحكم على خانة
step-rate-evidence = تقدير دليل
step-change-weights = تغيير الأوزان
step-assess-signpost = تقييم مؤشِّر
reliability-a = موثوق تمامًا
reliability-b = موثوق عادةً
reliability-c = موثوق إلى حدٍّ ما
reliability-d = غير موثوق عادةً
reliability-e = غير موثوق
reliability-f = لا يمكن الحكم على موثوقيته
credibility-1 = مؤكَّدة من مصادر مستقلة أخرى
credibility-2 = صحيحة على الأرجح
credibility-3 = ربما تكون صحيحة
credibility-4 = مشكوك فيها
credibility-5 = مستبعَدة
credibility-6 = لا يمكن الحكم على صحتها
relevance-low = منخفضة
relevance-medium = متوسطة
relevance-high = عالية
relevance-unset = غير محدَّدة
judgement-strongly-against = يعاكسه بشدة
judgement-against = يعاكسه
judgement-neutral = محايد
judgement-for = يدعمه
judgement-strongly-for = يدعمه بشدة
consistency-cc = متَّسق جدًّا
consistency-c = متَّسق
consistency-n = محايد
consistency-i = غير متَّسق
consistency-ii = غير متَّسق إطلاقًا
consistency-na = لا ينطبق
signpost-not-seen = لم يُرصَد
signpost-emerging = ناشئ
signpost-observed = مرصود
signpost-contradicted = نُقِض
grade-heading = درجة المصدر
grade-reliability = موثوقية المصدر
grade-credibility = مصداقية المعلومة
grade-not-graded = بلا درجة
grade-badge = درجة المصدر { $badge }
inspector-credibility = مصداقية هذا المقطع
inspector-credibility-inherit = كورقته
inspector-relevance-of = صلة الربط بـ{ $target }

## لوحة التحليل

action-board = لوحة التحليل
action-board-tooltip = عرض لوحة التحليل مكان القارئ، أو القارئ من جديد
board-heading = لوحة التحليل
board-matrix = المحدِّدات × السيناريوهات
board-ach = السيناريوهات المتنافسة
board-sensitivity = الحساسية
board-indicators = المؤشِّرات
board-frequencies = التكرارات
board-back-to-reader = العودة إلى القارئ
board-open-in-reader = فتح في القارئ
board-what-if-on = ماذا لو: { $passages ->
    [zero] لا مقاطع
    [one] مقطع واحد
    [two] مقطعان
    [few] { $passages } مقاطع
    [many] { $passages } مقطعًا
   *[other] { $passages } مقطع
} و{ $briefs ->
    [zero] لا أوراق
    [one] ورقة واحدة
    [two] ورقتان
    [few] { $briefs } أوراق
    [many] { $briefs } ورقةً
   *[other] { $briefs } ورقة
} خارج الحساب
board-what-if-clear = احتساب الكل من جديد
board-matrix-empty = تحتاج المصفوفة إلى محدِّد واحد وسيناريو واحد على الأقل (تحليل < تحرير المحدِّدات، تحرير السيناريوهات).
board-matrix-hint = في كل خانة: حكمك على أثر المحدِّد في السيناريو (-٢ … +٢)، والمقاطع المربوطة بكليهما حسب علاقتها بالسيناريو. انقر خانة للحكم عليها ورؤية مقاطعها.
board-matrix-corner = الصفوف: المحدِّدات؛ الأعمدة: السيناريوهات
board-cell-counts = { $supports } يدعم · { $weakens } يُضعف · { $indicators } مؤشِّر
board-matrix-cell = «{ $determinant }» × «{ $scenario }»: { $judgement }؛ { $evidence }
board-not-judged = بلا حكم
board-legend = الحكم:
board-cell-heading = «{ $determinant }» × «{ $scenario }»
board-judgement = الحكم
board-note = ملاحظة
board-cell-passages = { $count ->
    [0] لا مقطع مربوطًا بكليهما.
    [one] مقطع واحد مربوط بكليهما:
    [two] مقطعان مربوطان بكليهما:
    [few] { $count } مقاطع مربوطة بكليهما:
    [many] { $count } مقطعًا مربوطًا بكليهما:
   *[other] { $count } مقطع مربوط بكليهما:
}
board-relations = { $determinant } المحدِّد، { $scenario } السيناريو
board-no-scenarios = لا سيناريوهات بعد (تحليل < تحرير السيناريوهات).
board-ach-hint = الصفوف أدلة والأعمدة سيناريوهات. لا يُحتسب إلا عدم الاتساق (I = ١، II = ٢): السيناريو الأقل تعارضًا يأتي أولًا. التقديرات في الخانات الفاتحة مأخوذة من الربط (يدعم < C، يُضعف < I)؛ انقر خانة لتقديرها (أو انقر بالزر الأيمن لقائمة).
board-ach-no-rows = لا مقطع مربوطًا بسيناريو بعد (أو حاملًا الوسم المختار).
board-ach-corner = الصفوف: الأدلة؛ الأعمدة: السيناريوهات
board-ach-score = عدم الاتساق { $inconsistency } · الموزون { $weighted } · المرتبة { $rank }
board-row-weight = الوزن { $weight }
board-non-diagnostic = غير فارق
board-discounted = مستبعَد (ماذا لو)
board-not-rated = بلا تقدير
board-rating-set = قدَّره المحلِّل
board-rating-from-link = من الربط
board-from-link-mark = ربط
board-ach-cell = { $passage } × «{ $scenario }»: { $rating } ({ $how })
board-rating-use-link = الرجوع إلى الربط
board-rating-heading = تقدير { $passage } للسيناريو «{ $scenario }»
board-rows = الصفوف
board-rows-linked = المقاطع المربوطة بسيناريو
board-rows-tagged = المقاطع الموسومة بـ«{ $tag }»
board-sort = الترتيب حسب
board-order-diagnosticity = القدرة على التمييز
board-order-brief = الورقة
board-order-date = التاريخ
board-order-weight = الوزن
board-weights = الأوزان
board-weights-hint = يُضرب عدم اتساق كل صف في وزن موثوقية ورقته ووزن مصداقيته ووزن صلة ربطه. الدرجة غير المحدَّدة وزنها ١.
board-weight-relevance = الصلة { $relevance }
board-weight-less = خفض وزن { $name }
board-weight-more = رفع وزن { $name }
board-weight-value = وزن { $name }
board-weight-type = انقر لكتابة وزن (من ٠ إلى ١٠)، أو اسحبه.
board-weights-reset = إعادة الأوزان الافتراضية
board-what-if-passage = ماذا لو استُبعد هذا المقطع
board-what-if-brief = ماذا لو استُبعدت «{ $brief }»
board-what-if-this-brief = ماذا لو استُبعدت هذه الورقة
board-close-call = نتيجة متقاربة: «{ $first }» و«{ $second }» بينهما أقل من نقطة عدم اتساق واحدة.
board-sensitivity-hint = الأدلة الحاسمة: كل مقطع، وكل ورقة، لو استُبعد وحده لتغيَّر السيناريو الأول أو تبادل سيناريوهان مرتبتيهما. تحقَّق منها أولًا. «ماذا لو» يُخرج الأدلة من الحساب حتى تعيدها، ولا يُحفظ.
board-ranking = الترتيب
board-ranking-row = { $rank }. «{ $scenario }» — عدم الاتساق { $inconsistency }، الموزون { $weighted }
board-critical = { $count ->
    [zero] لا أدلة حاسمة
    [one] دليل حاسم واحد
    [two] دليلان حاسمان
    [few] { $count } أدلة حاسمة
    [many] { $count } دليلًا حاسمًا
   *[other] { $count } دليل حاسم
}
board-critical-none = لا مقطع ولا ورقة وحدها تغيِّر الترتيب.
board-critical-brief = الورقة «{ $brief }»
board-change = من دونه { $change }.
board-what-if-heading = ماذا لو استُبعدت ورقة
board-what-if-hint = أخرِج ورقة كاملة من الحساب لترى كيف يتغيَّر الترتيب.
board-indicators-hint = المؤشِّرات مقاطع مربوطة بسيناريو بعلاقة «مؤشِّر». حدِّد حالة كل منها مع تطوُّر الأحداث؛ ويُظهر الخط الزمني، ورقةً ورقةً بترتيب النشر، متى رُصدت مؤشِّرات كل سيناريو.
board-timeline = الخط الزمني
board-timeline-cell = «{ $brief }»، «{ $scenario }»: { $signposts }
board-timeline-none = لا مؤشِّرات
board-signposts-of = «{ $scenario }»: { $count ->
    [zero] لا مؤشِّرات
    [one] مؤشِّر واحد
    [two] مؤشِّران
    [few] { $count } مؤشِّرات
    [many] { $count } مؤشِّرًا
   *[other] { $count } مؤشِّر
}
board-signposts-none = لا مقطع مربوطًا به بعلاقة «مؤشِّر».
board-signpost-status = الحالة
board-not-assessed = غير مقيَّم
board-assessed-on = قُيِّم في { $date }
board-no-tags = لا وسوم في دليل الوسوم بعد.
board-frequencies-hint = عدد المقاطع الحاملة لكل وسم، مع الوسوم التي تحته. انقر عددًا لعرض مقاطعه.
board-tag-brief = الوسوم × الأوراق
board-tag-tag = الوسوم × الوسوم
board-tag-tag-hint = المقاطع الحاملة للوسمين معًا؛ وبين القوسين المقاطع المتداخلة التي يحمل كلٌّ منها أحدهما.
board-tag-brief-cell = «{ $tag }» في «{ $brief }»: { $count ->
    [zero] لا مقاطع
    [one] مقطع واحد
    [two] مقطعان
    [few] { $count } مقاطع
    [many] { $count } مقطعًا
   *[other] { $count } مقطع
}
board-tag-tag-cell = «{ $first }» مع «{ $second }»: { $both ->
    [zero] لا مقاطع
    [one] مقطع واحد
    [two] مقطعان
    [few] { $both } مقاطع
    [many] { $both } مقطعًا
   *[other] { $both } مقطع
} تحمل الوسمين، و{ $overlapping } متداخلة

## تصدير المقتطفات (رؤوس أعمدة CSV وعناوين Markdown)

export-csv-brief = الورقة
export-csv-brief-date = تاريخ الورقة
export-csv-quote = الاقتباس
export-csv-tags = الوسوم
export-csv-determinants = المحدِّدات
export-csv-scenarios = السيناريوهات
export-csv-memo = المذكرة
export-csv-start = البداية
export-csv-end = النهاية
export-csv-passage-id = معرِّف المقطع
export-csv-created = تاريخ الإنشاء
export-csv-grade = درجة المصدر
export-md-workspace = مساحة العمل
export-md-title = { $title }: المقتطفات
export-md-count = { $count ->
    [zero] لا مقتطفات.
    [one] مقتطف واحد.
    [two] مقتطفان.
    [few] { $count } مقتطفات.
    [many] { $count } مقتطفًا.
   *[other] { $count } مقتطف.
}
export-md-by-determinant = حسب المحدِّد
export-md-by-scenario = حسب السيناريو
export-md-likelihood = الاحتمال المقدَّر: { $likelihood }.
export-md-unlinked = غير مربوطة بمحدِّد أو سيناريو
export-md-code-points = المحارف { $start }–{ $end }
export-md-tags = الوسوم: { $tags }
export-md-memo = المذكرة: { $memo }
export-md-memos = المذكرات
export-md-memo-on-workspace = مساحة العمل
export-md-memo-on-brief = الورقة
export-md-memo-on-tag = الوسم
export-md-memo-on-determinant = المحدِّد
export-md-memo-on-scenario = السيناريو
export-md-analysis = التحليل
export-md-no-scenarios = لا سيناريوهات للموازنة.
export-md-ranking-about = السيناريوهات موزونة بمدى تعارض الأدلة مع كلٍّ منها (الرتبة ١ = الأقل تعارضًا).
export-md-col-rank = الرتبة
export-md-col-scenario = السيناريو
export-md-col-inconsistency = التعارض
export-md-col-weighted = التعارض الموزون
export-md-warning = تنبيه:
export-md-critical = الأدلة الحاسمة
export-md-critical-passage = المقطع «{ $what }» عند استبعاده
export-md-critical-brief = الورقة «{ $what }» عند استبعادها
export-md-matrix = المحدِّدات × السيناريوهات
export-md-col-determinant = المحدِّد
export-md-col-judgement = الحكم
export-md-col-supports = يدعم
export-md-col-weakens = يُضعف
export-md-col-indicators = مؤشِّرات
export-md-col-note = ملاحظة
export-md-signposts = المؤشِّرات
export-md-assessed = ، قُيِّم في { $date }

## التقارير (basira report، ملف ← تصدير تقرير…): العناوين والتسميات والجمل الثابتة

report-untitled = التحليل
report-meta = عدد المقتطفات: { $excerpts }، من { $sources } مصدر
report-meta-written = عدد المقتطفات: { $excerpts }، من { $sources } مصدر · كُتب التقرير في { $date } ببصيرة
report-source-file = { $file } ({ $format })، استُورد في { $date }
report-scope-brief = المقتطفات من «{ $name }» وحدها.
report-scope-tag = المقتطفات الموسومة «{ $name }» (أو بوسم تحته) وحدها.
report-scope-determinant = المحدِّد «{ $name }» وحده.
report-scope-scenario = السيناريو «{ $name }» وحده.
report-question = السؤال
report-scenarios = السيناريوهات
report-analysis = التحليل: المحدِّدات في مقابل السيناريوهات
report-ranking = ترتيب السيناريوهات
report-matrix = الأدلة المشتركة بين كل محدِّد وسيناريو
report-determinants = المحدِّدات وأدلتها
report-scenario-evidence = السيناريوهات وأدلتها
report-unlinked = أدلة أخرى
report-unlinked-note = مقتطفات مرمَّزة في مساحة العمل غير مربوطة بمحدِّد أو سيناريو.
report-codebook = دليل الترميز
report-sources = المصادر
report-no-ranking = لم تُرتَّب السيناريوهات: لم يُربط أي مقتطف بسيناريو بعد.
report-matrix-note = تعطي كل خانة حكم المحلل في أثر المحدِّد (الصف) على السيناريو (العمود)، من −2 (ضده بشدة) إلى +2 (لصالحه بشدة)، وتعدّ المقتطفات المربوطة بكليهما بحسب أثرها على السيناريو.
report-col-scenario = السيناريو
report-col-likelihood = الاحتمال المقدَّر
report-col-supporting = يدعم
report-col-weakening = يُضعف
report-col-indicators = مؤشِّرات
report-col-rank = الرتبة
report-col-inconsistency = تعارض الأدلة
report-col-determinant = المحدِّد
report-col-tag = الوسم
report-col-excerpts = المقتطفات
report-col-with-subtags = مع الوسوم الفرعية
report-col-description = الوصف
report-likelihood = الاحتمال المقدَّر:
report-item-counts = عدد المقتطفات: { $count } (يدعم: { $supports }، يُضعف: { $weakens }، مؤشِّرات: { $indicators }).
report-tags = الوسوم: { $tags }
report-memo = المذكرة:
report-source-excerpts = عدد مقتطفاتها في هذا التقرير: { $count }.
report-footnotes = حواشي الورقة:
report-cell-supporting = يدعم: { $count }
report-cell-weakening = يُضعف: { $count }
report-cell-indicators = مؤشِّرات: { $count }
report-judgement-strongly-against = ضده بشدة
report-judgement-against = ضده
report-judgement-neutral = محايد
report-judgement-for = لصالحه
report-judgement-strongly-for = لصالحه بشدة
report-score = نقاط التعارض: { $points }، موزونةً: { $weighted }
report-ranking-about = رُتِّبت بحسب تعارض { $count ->
        [one] مقتطف واحد
        [two] مقتطفين
        [few] { $count } مقتطفات
        [many] { $count } مقتطفًا
       *[other] { $count } مقتطف
    } مع كل سيناريو (مصفوفة السيناريوهات المتنافسة): الأقل تعارضًا أولًا.
report-close-call = تقارب شديد: «{ $a }» و«{ $b }» بينهما أقل من نقطة تعارض واحدة.
report-critical = أدلة حاسمة: { $passages ->
        [zero] لا مقتطفات
        [one] مقتطف واحد
        [two] مقتطفان
        [few] { $passages } مقتطفات
        [many] { $passages } مقتطفًا
       *[other] { $passages } مقتطف
    } و{ $briefs ->
        [zero] لا أوراق
        [one] ورقة واحدة
        [two] ورقتان
        [few] { $briefs } أوراق
        [many] { $briefs } ورقةً
       *[other] { $briefs } ورقة
    }، لو استُبعد أيٌّ منها وحده لتغيَّر الترتيب.
report-whole-workspace = الترتيب والمصفوفة من لوحة التحليل، على مساحة العمل كلها.

## تصدير المقتطفات (ملف ← تصدير المقتطفات…، تحرير ← نسخ المقتطفات)

action-export-excerpts = تصدير المقتطفات…
action-export-excerpts-tooltip = اكتب المقاطع، مصفّاةً كما تختار، بصيغة CSV أو Markdown أو JSON
action-copy-excerpts = نسخ المقتطفات
action-copy-excerpts-tooltip = انسخ المقاطع التي تعرضها القائمة إلى الحافظة بصيغة Markdown
export-heading = تصدير المقتطفات
export-format = الصيغة:
export-format-csv = CSV (جداول البيانات)
export-format-markdown = Markdown (التقارير)
export-format-json = JSON (أدوات أخرى)
export-count = { $count ->
    [zero] لن يُكتب أي مقتطف.
    [one] سيُكتب مقتطف واحد.
    [two] سيُكتب مقتطفان.
    [few] ستُكتب { $count } مقتطفات.
    [many] سيُكتب { $count } مقتطفًا.
   *[other] سيُكتب { $count } مقتطف.
}
export-write = تصدير…
status-exporting = تُكتب المقتطفات في { $file }…
notice-exported = { $count ->
    [zero] لم يُكتب أي مقتطف في { $file }.
    [one] كُتب مقتطف واحد في { $file }.
    [two] كُتب مقتطفان في { $file }.
    [few] كُتبت { $count } مقتطفات في { $file }.
    [many] كُتب { $count } مقتطفًا في { $file }.
   *[other] كُتب { $count } مقتطف في { $file }.
}
error-export-failed = تعذّر تصدير المقتطفات: { $error }
status-copied-excerpts = { $count ->
    [zero] لا مقتطفات لنسخها.
    [one] نُسخ مقتطف واحد إلى الحافظة بصيغة Markdown.
    [two] نُسخ مقتطفان إلى الحافظة بصيغة Markdown.
    [few] نُسخت { $count } مقتطفات إلى الحافظة بصيغة Markdown.
    [many] نُسخ { $count } مقتطفًا إلى الحافظة بصيغة Markdown.
   *[other] نُسخ { $count } مقتطف إلى الحافظة بصيغة Markdown.
}
prompt-export = تصدير المقتطفات إلى
prompt-verb-export = تصدير
prompt-example-export = /home/me/excerpts.csv (أو ‎.md أو ‎.json)
file-dialog-export = تصدير المقتطفات
file-filter-csv = CSV
file-filter-markdown = Markdown
file-filter-json = JSON

## التقرير (ملف ← تصدير التقرير…)

action-export-report = تصدير التقرير…
action-export-report-tooltip = اكتب التحليل لقارئ لا يستخدم بصيرة، ملفَّ HTML واحدًا أو مستند Word، بلغة الواجهة
report-dialog-heading = تصدير التقرير
report-format-html = HTML (ملف واحد مكتفٍ بذاته)
report-format-docx = Word (‎.docx)
report-dialog-count = { $count ->
    [zero] لن يقتبس التقرير أي مقتطف.
    [one] سيقتبس التقرير مقتطفًا واحدًا.
    [two] سيقتبس التقرير مقتطفين.
    [few] سيقتبس التقرير { $count } مقتطفات.
    [many] سيقتبس التقرير { $count } مقتطفًا.
   *[other] سيقتبس التقرير { $count } مقتطف.
}
report-dialog-language = ستكون عناوينه وتسمياته بالعربية، لغة الواجهة.
status-writing-report = يُكتب التقرير في { $file }…
notice-report-written = { $count ->
    [zero] كُتب التقرير (بلا مقتطفات) في { $file }.
    [one] كُتب التقرير (مقتطف واحد) في { $file }.
    [two] كُتب التقرير (مقتطفان) في { $file }.
    [few] كُتب التقرير ({ $count } مقتطفات) في { $file }.
    [many] كُتب التقرير ({ $count } مقتطفًا) في { $file }.
   *[other] كُتب التقرير ({ $count } مقتطف) في { $file }.
}
report-error-docx = تعذّر إنشاء مستند Word للملف { $file }: { $error }
error-report-failed = تعذّرت كتابة التقرير: { $error }
prompt-report = كتابة التقرير في
prompt-example-report = /home/me/report.html (أو ‎.docx)
file-dialog-report = تصدير التقرير
file-filter-html = صفحة ويب (HTML)
file-filter-docx = مستند Word

## الإزالة (الحوار نفسه للأوراق والمقاطع والوسوم والمحدِّدات والسيناريوهات)

button-remove-ask = حذف…
remove-undo-hint = التراجع (Ctrl+Z) يعيده.
status-removed = تمّ: { $step }. التراجع (Ctrl+Z) يعيده.
remove-tag-heading = حذف الوسم؟
remove-tag-body = { $count ->
    [zero] «{ $name }» — لا يستعمله أي مقطع.
    [one] «{ $name }» — يستعمله مقطع واحد، وسيفقده.
    [two] «{ $name }» — يستعمله مقطعان، وسيفقدانه.
    [few] «{ $name }» — يستعمله { $count } مقاطع، وستفقده.
    [many] «{ $name }» — يستعمله { $count } مقطعًا، وستفقده.
   *[other] «{ $name }» — يستعمله { $count } مقطع، وستفقده.
}
remove-tag-children = { $count ->
    [one] يرتفع وسمه الفرعي مستوى واحدًا.
    [two] يرتفع وسماه الفرعيان مستوى واحدًا.
    [few] ترتفع وسومه الفرعية الـ{ $count } مستوى واحدًا.
    [many] ترتفع وسومه الفرعية الـ{ $count } مستوى واحدًا.
   *[other] ترتفع وسومه الفرعية الـ{ $count } مستوى واحدًا.
}
remove-determinant-heading = حذف المحدِّد؟
remove-determinant-body = { $count ->
    [zero] «{ $name }» — لا يرتبط به أي مقطع.
    [one] «{ $name }» — يرتبط به مقطع واحد، ويُحذف هذا الربط معه.
    [two] «{ $name }» — يرتبط به مقطعان، ويُحذف الربطان معه.
    [few] «{ $name }» — يرتبط به { $count } مقاطع، وتُحذف هذه الروابط معه.
    [many] «{ $name }» — يرتبط به { $count } مقطعًا، وتُحذف هذه الروابط معه.
   *[other] «{ $name }» — يرتبط به { $count } مقطع، وتُحذف هذه الروابط معه.
}
remove-scenario-heading = حذف السيناريو؟
remove-scenario-body = { $count ->
    [zero] «{ $name }» — لا يرتبط به أي مقطع.
    [one] «{ $name }» — يرتبط به مقطع واحد، ويُحذف هذا الربط معه.
    [two] «{ $name }» — يرتبط به مقطعان، ويُحذف الربطان معه.
    [few] «{ $name }» — يرتبط به { $count } مقاطع، وتُحذف هذه الروابط معه.
    [many] «{ $name }» — يرتبط به { $count } مقطعًا، وتُحذف هذه الروابط معه.
   *[other] «{ $name }» — يرتبط به { $count } مقطع، وتُحذف هذه الروابط معه.
}
remove-passage-heading = حذف المقطع؟
remove-passage-body = سيُحذف «{ $quote }» مع { $tags } و{ $links }.
tag-count = { $count ->
    [zero] لا وسوم
    [one] وسم واحد
    [two] وسمان
    [few] { $count } وسوم
    [many] { $count } وسمًا
   *[other] { $count } وسم
}

## لوحة الأوامر واختصارات لوحة المفاتيح

action-command-palette = لوحة الأوامر…
action-command-palette-tooltip = ابحث عن أي أمر بكتابة جزء من اسمه، ثم نفّذه
action-keyboard-shortcuts = اختصارات لوحة المفاتيح
action-keyboard-shortcuts-tooltip = اعرض كل الأوامر مع اختصاراتها
menu-help = مساعدة
palette-field = الأمر
palette-none = لا أمر يطابق ما كُتب.
shortcuts-heading = اختصارات لوحة المفاتيح
shortcuts-none = (لا شيء)

## أشياء صغيرة: وصف التحديد، حجم نص الواجهة

reader-selection = «{ $quote }» ({ $start }–{ $end })
menu-text-size = حجم النص
menu-text-size-percent = ‏{ $percent }٪

## تغيير نطاق المقطع؛ قائمة القارئ السياقية

step-change-passage-range = تغيير نطاق مقطع
inspector-to-selection = مدّ / تقليص إلى التحديد
inspector-to-selection-tooltip = أعطِ المقطع النطاق المحدَّد في القارئ؛ ويتبعه اقتباسه وسياقه
status-select-range-first = حدِّد أولًا في القارئ النطاق الذي ينبغي أن يأخذه المقطع.
status-range-changed = صار للمقطع النطاق المحدَّد.
reader-create-tagged = إنشاء مقطع ووسمه بـ
reader-create-linked = إنشاء مقطع وربطه بـ
reader-tag-passage = وسم المقطع
reader-link-passage = ربط المقطع بـ

## المذكرات (13.8): حقل مذكرة على كل عنصر، وتبويب المذكرات.
tab-memos = المذكرات
memo-kind-workspace = مساحة العمل
memo-kind-brief = الورقة
memo-kind-passage = المقطع
memo-kind-tag = الوسم
memo-kind-determinant = المحدِّد
memo-kind-scenario = السيناريو
memo-on = مذكرة على { $name }
brief-memo = مذكرة الورقة
memos-workspace = مذكرة مساحة العمل
memos-count = { $count ->
    [zero] لا مذكرات
    [one] مذكرة واحدة
    [two] مذكرتان
    [few] { $count } مذكرات
    [many] { $count } مذكرةً
   *[other] { $count } مذكرة
}
memos-count-filtered = المعروض { $shown } من أصل { $count }
memos-none = لا مذكرات بعد: اكتب مذكرة على مساحة العمل أعلاه، أو على ورقة أو مقطع أو وسم أو محدِّد أو سيناريو.
memos-none-match = لا مذكرة تطابق التصفية.
memos-row = { $kind }: { $title }
memos-open-tooltip = افتح ما كُتبت عليه هذه المذكرة
memos-filter = تصفية المذكرات
memos-kind = نوع المذكرة
memos-kind-all = كل الأنواع
memos-of-workspace = المذكرة على مساحة العمل
memos-of-briefs = مذكرات الأوراق
memos-of-passages = مذكرات المقاطع
memos-of-tags = مذكرات الوسوم
memos-of-determinants = مذكرات المحدِّدات
memos-of-scenarios = مذكرات السيناريوهات

## المفتش (13.4).
inspector-no-tags = لا وسوم بعد: اخترها تحت «الوسوم» أدناه.

## The analysis in words (the board, the exports and basira analysis)

analysis-and = { $first } و{ $second }
analysis-now-shared = يتقاسمها الآن { $before }
analysis-now-alone = يحتلها الآن { $before } وحده
analysis-change-tie = يتساوى { $after } في المرتبة الأولى ({ $now })
analysis-change-first-alone = ينفرد { $after } بالمرتبة الأولى ({ $now })
analysis-change-instead = يصبح { $after } الأول بدلًا من { $before }
analysis-change-swap = يتبادل «{ $first }» (المرتبة { $first_rank }) و«{ $second }» (المرتبة { $second_rank }) مرتبتيهما
analysis-change-also = { $first }؛ { $second }
analysis-close-call = لا يفصل بين «{ $first }» و«{ $second }» أكثر من نقطة عدم اتساق واحدة: الترتيب لا يميِّز أحدهما من الآخر
