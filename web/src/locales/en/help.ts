export default {
  title: 'Help',
  open: 'Help',
  general:
    'There is no particular guide for this page. The side menu groups the work; at the top right you can search projects, switch the language and open your account. Ask your unit’s system administrator when something goes wrong.',
  more: 'Everywhere',
  common:
    'The search box at the top finds a project by its name, the investor’s name, the unified social credit code or the project number. A red message marks a required or wrong field and goes as soon as you fix it. Dates are written year-month-day; amounts are in 10k CNY.',
  pages: {
    workbench:
      'The workbench sums up your unit, your roles and what waits for you: “My to-dos” lists projects due soon or overdue, routings to answer and factor requests by deadline — red “Overdue”, orange “Due soon” — each one click from where it is done; a count on top shows only that kind. Open review rounds are listed here too, and “Open” takes you straight to the score sheet. When overdue items are raised to you (unit head, investment bureau, leader), “Escalations” lists each step — the item, the level it reached, the missed deadline and when it rose — newest first, one click from where it is handled. If the last login was not you, change your password now.',
    projects:
      'The ledger lists every project you may see. Type a project or investor name, then filter by stage or industry; “Overdue only” shows projects past their deadline. “Columns” adds or removes columns, “Export Excel” exports what the filters select. Click a project’s name to open it.',
    project_board:
      'The board shows projects in one column per stage, 20 at a time (“Load more” shows the next). While you drag a card, the stages it cannot move to turn grey and do not take it; the stages it can move to have a blue dashed frame, and a dialog asks for what the move needs. Hold the card over the arrow strips at either end to scroll the board.',
    project_new:
      'Report a lead: fields with * are required. Once the investor is typed, the system checks whether another unit reported it already (a duplicate); if it is the same project you can join it as co-promoter. After the industry is chosen, matching parks are shown below for reference; the policy preview lists the policies the lead would meet, and those it misses by one condition, once the industry or the investment is filled.',
    project_import:
      'Import: download the template, fill it in and choose the file. The system checks every row first and lists the problems; “Import” then imports only the rows that passed.',
    project_detail:
      'The top of a project shows its stage, who is responsible, the next step and its deadline; the buttons under “Next step” are what you may do now. “Log activity” records a call, visit, meeting or capital in place; “Timeline” lists everything that happened. “Evidence files” holds the agreement, permits, production photos and other documents (PDF, pictures, OFD, Office); when a stage requires a kind not yet uploaded, the page and the stage-change dialog say which, and the dialog takes the upload. “Policies” lists the policies in force the project can claim, each condition it meets in words, and those one condition short with what is missing. “Stage checklist” lists what to do at the current stage and which documents to collect; tick each item when done (with an optional note) and who and when are recorded. A project does not move on while an item marked Required is unticked: the stage-change dialog lists such items and ticks them.',
    project_edit:
      'Edit the project and press “Save”. Only the responsible party, the first promoter or the investment bureau may edit; stage changes are made on the project page.',
    routings:
      'Routing: the investment bureau routes pooled projects to parks; a park accepts or declines (with a reason) before the deadline. The list starts with what waits for you, soonest deadline first; “Statistics” counts by park and by reporting unit.',
    review_rounds:
      'Review rounds lists the pre-review meetings. Open rounds take your scores; closed rounds show their decisions and the pre-review opinion.',
    review_round:
      'For each project score every criterion and vote approve, reject or more information. Recuse yourself when you have an interest in the project. Once the quorum is reached the investment bureau closes the round.',
    review_opinion: 'The pre-review opinion gathers the panel’s scores and comments; print it with Ctrl+P.',
    review_panels:
      'Review panels: set the members, the quorum and the share needed to approve; “Criteria” sets what is scored and the weights.',
    parks:
      'Park profiles show what each park or district has and wants: available land and buildings, utilities, industry focus and admission thresholds. The park card prints on one page to take along.',
    park_edit:
      'Edit a park profile: industry focus, wanted and excluded industries, admission thresholds and utilities, and the land and buildings available under “Carriers”. The fuller the profile, the better leads are matched.',
    park_card: 'The park card is a one-page printable introduction: press “Print” or Ctrl+P; the language switch is at the top right.',
    catalog:
      'The industry catalog keeps the leading industries and their chain nodes; each node maps to codes of the national industry classification (GB/T 4754-2017), used to classify leads and filter the ledger.',
    pipeline_settings:
      'Stage deadlines: the days a project has for its next step after entering each stage, and the days a park has to answer a routing. A change applies to projects that enter the stage afterwards. Below, “Clocks” sets the working days of each kind of item; its “Escalation” group sets how many working days past a deadline an item rises to the unit head, the investment bureau and the leader in charge. “Evidence required by stage” sets the kinds of documents a project must hold before it enters signed, construction or production. “Stage checklists” keeps each stage’s items: add, remove and reorder them, name the document an item asks for, and mark an item Required (it must be ticked before the project moves on).',
    calendar:
      'Working calendar: every deadline counts working days. A red “H” is a holiday, a blue “W” a make-up working day, the blue frame today; tap a day to see its name. The investment promotion bureau can make a day worked or off, or import a schedule (.csv/.xlsx with date, kind, name); a file with errors names its lines and imports nothing.',
    factor_requests:
      'Factor guarantees: the factor requests you can see (land, power, water, labour …), by default those waiting or in progress; “Overdue only” keeps the late ones. Open a row to act on it. “Statistics” sums up per department and factor; the investment promotion bureau sets under “Departments” where each factor’s requests go.',
    factor_request:
      'A factor request: the need, the department and the deadlines on top, every step under “History”. The buttons are what you may do now: accept, record progress, resolve, pass on to another department, declare it unresolvable (the bureau then coordinates) or withdraw. Under “Evidence files” the parties upload and download the drawings and lists the request needs.',
    notifications:
      'Inbox: what you need to know or do — factor requests, supervision items — arrives here, newest first. The number on the bell at the top right counts the unread ones. Clicking a notification marks it read and opens the project, factor request or supervision item where it is done; “Mark all read” reads them all; “Unread” shows only those you have not opened.',
    supervision:
      'Supervision: items the investment bureau and leaders issue on a project, a factor request or a unit. “Items by unit” counts, per unit, those awaiting a reply, replied, overdue and closed; a unit’s name narrows the list to it. By default only items awaiting a reply or replied are listed; “Overdue only” keeps those past their reply deadline. “Supervise” issues an item on a unit (on a project or factor request page it supervises that project or request).',
    supervision_item:
      'A supervision item: the instruction, the leader’s instruction, the responsible unit and the reply deadline (green on time, orange due soon, red overdue) on top, every step under “History”. The unit replies with its progress; the issuing side closes the item or, if not satisfied, reopens it with what is still needed, and the deadline is counted again. “Print notice” gives the printable supervision notice.',
    supervision_print:
      'Supervision notice: one printable page with the number, responsible unit, reply deadline, instruction, leader’s instruction and the progress reported, with lines to sign and seal. Click “Print” or press Ctrl+P; switch the language at the top right.',
    org_units:
      'Org units: keep the city, districts, parks and departments in their hierarchy. After adding a unit, create its accounts under “Users”.',
    users:
      'Users: create accounts, reset passwords, disable accounts. A new account, and one whose password was reset, must choose its own password at the next login. Administrator accounts are protected and are maintained on the command line.',
    roles: 'Roles lists what each role may do and on which data (own, unit, unit and below, all).',
    audit:
      'The audit log records every login and every change, with the person’s name, the action and the object by name; filter by login, action, object type and time, and click an object to see only its history. “Export Excel” exports what the filters select; “Verify chain” confirms that the log has not been tampered with.',
    project_collisions:
      'Confirmed duplicates lists leads whose reporter was warned of a duplicate and reported a new project all the same, beside the projects the system found then. Check them, then adjudicate the first report on the project page, or ask the reporter to join the existing project.',
    account:
      'Your account shows who you are and your latest logins. If one was not you, change your password now and tell an administrator. “Notification settings” turns each kind of inbox notification on or off; press “Save settings” when done. A kind turned off no longer reaches your inbox; your unit’s group robots still post it.',
    robots:
      'Group robots: with a WeCom or DingTalk group robot set up for a unit, the notifications sent to its staff are also posted in the group (except the daily digest). “Add robot”: choose the unit and kind, paste the whole webhook URL copied from the group’s settings, and for DingTalk “signing” the secret. Once saved, the URL’s token and the secret are never shown again; leave them empty when editing to keep them. “Send test message” goes out within a minute; the delivery log shows pending, delivered or failed (failures are retried up to 6 times, with the last error). Switch “Enabled” off to pause a robot.',
    policies:
      'The policy library gathers national, provincial, city, district and park investment policies. Search by title, issuer, document number or summary, and filter by level and state; orange “Expiring soon” means the policy ends within 90 days and its keepers should arrange a successor (the count is shown at the top). “Export to Excel” exports the policies in the chosen state. Units that keep policies add them with “New policy”, for their own unit (a park or district: or the units below it) only.',
    policy_detail:
      'A policy’s issuer, document number, level, period, conditions (industries, minimum investment, land, location, capital) and support (kind, rate, cap), and its full text. Its keepers can “Edit” it.',
    policy_new:
      'New policy: fields with * are required. Leave the end date empty for a policy without one. A condition left empty means any; a project must meet every condition. Add as many support items as the policy has; amounts are in 10k CNY. A problem is shown under its field and goes as soon as it is fixed.',
    policy_edit:
      'Edit a policy and press “Save changes”. If someone else saved first the page says so and reloads the latest version on request. Turn on “Repealed” when the policy is repealed: it is then no longer matched.',
    guide:
      'The investment guide collects industry profiles, policies explained, techniques, stage checklists and park cards. Filter by category and title; “Due for review only” lists the articles whose review date has come. The search box at the top searches the guide’s articles, the policy library and the park cards; “Print booklet” lays out every article as one printable handbook. Units that maintain articles can click “New article”. “Front-line questions” at the top holds the questions asked in the field and the experts’ answers.',
    guide_article:
      'An article shows its category, maintaining unit, version, who updated it and when, how often it was read and by how many people, and its review date. The contents on the left (on a phone, tap “Contents”) jump to each section. “Version history” shows every change; the maintaining unit can click “Edit”.',
    guide_article_new:
      'New article: choose a category and a title and write the text in Markdown (# heading, - list, **bold**, tables, - [ ] to-do …); the preview on the right (on a phone, tap “Preview”) shows the layout as you type. The text cannot contain HTML or scripts, links must be http(s), mailto or addresses of this system and images only attachments of this system; anything else is listed under the text. On the review date the article is marked “Review due”.',
    guide_article_edit:
      'Edit article: make your changes, write a change note and save; every save makes a new version that “Version history” can compare. If someone else saved first, the page says so and can reload the latest version. For an article due for review, set the next review date before saving.',
    guide_article_versions:
      'Version history lists every version with its change note, author and time. By default the previous version is compared with the current one: added lines are green, removed lines red, with the counts “+added −removed”; choose any two versions above to compare them, and “View” shows a version as it read then.',
    guide_search:
      'Search looks for a word in the guide’s articles, the policy library, the park cards and the front-line questions (questions and answers), or in one of them; the matches are highlighted and a title opens the page. With many results, use a more specific word.',
    guide_questions:
      'Front-line questions collects what promoters run into in the field. Filter by topic and status (awaiting answer, answered); “My questions” shows only yours. “Ask a question” takes a topic, the question in one sentence and optional details; “Ask an expert” on a project page fills in the project. The investment bureau, the expert pool and the party school answer, and you are told in your inbox. A question marked “In the guide” has an answer written up as a guide article: click the tag to open it.',
    guide_question:
      'A question shows who asked it from which unit, the project it is about (a link to the project page) and every answer. Those who may answer write in “Your answer” below; the asker is told. Those who maintain the guide can click “Add to guide” on a good answer: after confirming, the question and the answer become a guide article, which opens and can be edited further.',
    guide_booklet:
      'The guide booklet lays out every article by category: a cover, the contents, and each category starting on a new page. Click “Print” or press Ctrl+P; every page has its number at the foot, and the print dialog can also save a PDF. The switch at the top prints it in English or Chinese.',
    training:
      'Training lists every course: each card shows whether you have passed, your best score and the tries left, and, once passed, your certificate. Below, the upcoming sessions: enrol, or cancel an enrolment before the start. Course keepers can create courses; the bureau, trainers and leaders open Completion for each unit’s attendance and passes.',
    training_course:
      'A course: its summary, outline and guide articles (open them by their titles), and its sessions. The final quiz box lists the pass mark, tries, questions, time limit and when it is open; Start quiz opens a paper (Continue quiz while one is open), or says why not. Once passed, view and print the certificate. Its keepers edit the course, its question bank and create sessions.',
    training_course_new:
      'New course: title, summary, the organiser (your own unit by default) and guide articles; the outline in Markdown, as in the guide. Quiz rules: pass mark (of 100), tries, questions per quiz (0 = the whole bank), time limit (0 = none), opening and closing days, and whether a partly right multiple choice earns half its points. Problems show under their field and go as soon as they are fixed.',
    training_course_edit:
      'Edit course: change and Save changes. New quiz rules apply to quizzes started afterwards; a paper already started is graded as drawn.',
    training_questions:
      'The question bank, the right options in green. New question: choose the kind (one right answer for single choice and true/false, at least two for multiple choice), fill in the options and mark the right ones, then the points and an explanation shown after handing in. Deleting a question leaves the papers that drew it as they are.',
    training_session:
      'A session: time, place, trainer, seats and seats per unit; enrol, or cancel before the start. Its managers also edit it, open the sign-in QR code for the room’s screen, and mark people present one by one under Enrolment and attendance.',
    training_session_qr:
      'Sign-in QR code: shown on the room’s screen, people scan it with their phones, log in and are signed in; someone not enrolled is enrolled if a seat is free. Sign-in is open from 30 minutes before the start to the end. Full screen shows only the code and the course.',
    training_sign_in:
      'Training sign-in: opening this page from the QR code signs you in and shows the time; an invalid code, a session not started or ended, or a full session is said in words. Logged out, you log in first and come back here.',
    training_attempt:
      'Quiz: one answer for a single choice or true/false, any number for a multiple choice; the bar shows how many are answered and, with a time limit, the time left (the paper is handed in when it runs out). Hand in asks first while questions are unanswered. Then the score, pass or not, and each question’s right answer and explanation; Try again while tries are left.',
    training_certificate:
      'Certificate: Print (or Ctrl+P) prints it on A4 landscape, or saves it as a PDF. The switch at the top changes the language.',
    training_completion:
      'Completion per unit: staff, enrolled, attended, passed and the rate (passed ÷ staff); below, each person’s sessions and results per course. Choose a course to see only that one; Export Excel downloads the same as a workbook (By unit, By person). Only units and people in your scope are shown.',
    account_password:
      'Change password: type the current password and the new one twice; what a new password needs is written under the boxes, and a box that does not meet it says so. Your logins on other devices end.',
  },
}
