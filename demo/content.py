"""Demo content for the Sanctuary Award platform.

Plain Python data only: streams with their versioned minimum criteria, two local
City of Sanctuary groups with guidance pages, and sample rows from a council action
plan in the Lewisham format.

All wording is our own made-up demo content, paraphrasing the shape of the published
schemes (see DOMAIN.md section 3). Stream coordinators are expected to edit it in the CMS.

Rich text values are HTML strings limited to <p>, <ul>, <ol>, <li>, <b>, <i> and <a>.
Guidance page bodies are lists of (block_type, value) tuples for a StreamField using the
block types "heading", "paragraph", "callout" and "faq".
"""

# ---------------------------------------------------------------------------
# Schools
# ---------------------------------------------------------------------------

_SCHOOLS_V1_CRITERIA = [
    {
        "code": "L1",
        "principle": "learn",
        "title": "Staff learn about the needs of pupils seeking sanctuary",
        "asks": (
            "Teaching and support staff learn about the experiences and needs of pupils "
            "who are refugees or seeking asylum."
        ),
        "guidance": (
            "Arrange at least one training session for staff. Local refugee organisations "
            "can often help. Tell us what staff learned and how it helps them in class."
        ),
        "evidence_examples": [
            "Slides or notes from a staff training session",
            "A staff attendance list",
            "Feedback forms from staff",
        ],
    },
    {
        "code": "L2",
        "principle": "learn",
        "title": "Pupils learn about refugees in lessons and assemblies",
        "asks": (
            "Pupils learn about refugees and why people have to leave their homes, "
            "through lessons and assemblies."
        ),
        "guidance": (
            "Plan some lessons or assemblies on the topic. Stories, films and visiting "
            "speakers help pupils understand. Tell us which year groups took part."
        ),
        "evidence_examples": [
            "Lesson plans or assembly scripts",
            "Examples of pupils' work (with consent)",
            "Details of a visiting speaker",
        ],
    },
    {
        "code": "E3",
        "principle": "embed",
        "title": "A welcome for new arrivals and their families",
        "asks": (
            "The school has a clear way of welcoming new pupils who are seeking sanctuary, "
            "and their families."
        ),
        "guidance": (
            "Describe what happens when a new pupil arrives, from admission to the first "
            "weeks in class. Assessors look for a planned welcome, not only good will."
        ),
        "evidence_examples": [
            "The school's induction procedure for new arrivals",
            "A welcome pack for families",
            "Notes from a meeting with a family, with an interpreter (anonymised)",
        ],
    },
    {
        "code": "E4",
        "principle": "embed",
        "title": "Pupils take part in welcome activities",
        "asks": (
            "Pupils take part in activities that help new pupils feel welcome, such as a "
            "buddy scheme."
        ),
        "guidance": (
            "A buddy or friendship scheme is a simple start. Tell us how pupils are chosen "
            "and supported, and what new pupils say about it."
        ),
        "evidence_examples": [
            "A description of the buddy scheme",
            "Comments from new pupils (with consent)",
            "Photos of a welcome activity (with consent)",
        ],
    },
    {
        "code": "E5",
        "principle": "embed",
        "title": "Celebrating Refugee Week",
        "asks": "The school celebrates Refugee Week each year.",
        "guidance": (
            "Refugee Week takes place every June. Tell us what the school did, who took "
            "part and what pupils learned."
        ),
        "evidence_examples": [
            "A programme of Refugee Week activities",
            "Photos of displays (with consent)",
            "A newsletter article about the week",
        ],
    },
    {
        "code": "S6",
        "principle": "share",
        "title": "Signing the City of Sanctuary pledge",
        "asks": "The school signs the City of Sanctuary pledge.",
        "guidance": (
            "The head teacher or chair of governors signs the pledge on behalf of the "
            "school. Tell us when it was signed."
        ),
        "evidence_examples": [
            "A copy of the signed pledge",
            "Governing board minutes agreeing to sign",
            "A photo of the pledge on display",
        ],
    },
    {
        "code": "S7",
        "principle": "share",
        "title": "Telling parents and the local community",
        "asks": (
            "The school tells parents and the local community about its work to welcome "
            "people seeking sanctuary."
        ),
        "guidance": (
            "Use the channels you already have, such as newsletters, the website and "
            "parents' evenings. Tell us what you shared and how people responded."
        ),
        "evidence_examples": [
            "A newsletter or website article",
            "A letter to parents",
            "A local newspaper story",
        ],
    },
    {
        "code": "S8",
        "principle": "share",
        "title": "Links with local refugee support organisations",
        "asks": (
            "The school has links with local organisations that support refugees and "
            "people seeking asylum."
        ),
        "guidance": (
            "Name the organisations you work with and explain what you do together. A "
            "donation drive or a joint event both count."
        ),
        "evidence_examples": [
            "Emails or letters with a local organisation",
            "Details of a joint event",
            "A thank-you note from a partner",
        ],
    },
    {
        "code": "S9",
        "principle": "share",
        "title": "Links with a partner school",
        "asks": (
            "The school builds a link with another school to share its learning about "
            "welcome and sanctuary."
        ),
        "guidance": (
            "The partner can be a local school or one further away. Tell us how the "
            "schools have worked together and what each has learned."
        ),
        "evidence_examples": [
            "Notes from a visit to or from the partner school",
            "Letters or video messages between pupils",
            "A joint project plan",
        ],
    },
]

_SCHOOLS_V2_CRITERIA = [
    {
        "code": "L1",
        "principle": "learn",
        "title": "Staff and governors build expertise in welcome",
        "asks": (
            "All staff and governors learn about the experiences of people seeking sanctuary "
            "and build the skills to welcome new arrivals well."
        ),
        "guidance": (
            "Include support, office and catering staff as well as teachers, and brief the "
            "governing board. Assessors look for learning that has changed what the school "
            "does, not only attendance at a session."
        ),
        "evidence_examples": [
            "Slides or notes from whole-staff training",
            "Governing board minutes showing a briefing on sanctuary",
            "A named member of staff with extra training in supporting new arrivals",
            "Staff reflections on what they now do differently",
        ],
    },
    {
        "code": "L2",
        "principle": "learn",
        "title": "Pupils learn about forced migration across the curriculum",
        "asks": (
            "Pupils learn why people are forced to leave their homes and hear first-hand "
            "experiences, in more than one subject and year group."
        ),
        "guidance": (
            "Show where this learning sits in your schemes of work, not only in a single "
            "assembly. First-hand voices can come from visiting speakers, films or books by "
            "people with lived experience. Never ask a pupil to share their own story unless "
            "they choose to."
        ),
        "evidence_examples": [
            "Schemes of work or lesson plans from two or more subjects",
            "Examples of pupils' work (with consent)",
            "Details of a visit from a speaker with lived experience",
            "A class reading list of books about forced migration",
        ],
    },
    {
        "code": "E3",
        "principle": "embed",
        "title": "A culture of welcome that meets the needs of families",
        "asks": (
            "The school builds a culture of welcome and meets the learning, emotional and "
            "practical needs of children seeking sanctuary and their families."
        ),
        "guidance": (
            "Think about the whole journey: admission, the first day, language support, "
            "wellbeing and keeping in touch with families. Working with families through "
            "interpreters and trusted community organisations is good practice."
        ),
        "evidence_examples": [
            "The admissions and induction procedure for new arrivals",
            "A welcome pack translated into community languages",
            "Anonymised records of language or wellbeing support",
            "Feedback from parents and carers",
        ],
    },
    {
        "code": "E4",
        "principle": "embed",
        "title": "Pupils help lead the school's sanctuary work",
        "asks": (
            "Pupils have a real say in the school's sanctuary work and help to plan and lead it."
        ),
        "guidance": (
            "This might be a sanctuary group, a school council project or pupil ambassadors. "
            "Assessors look for pupils making decisions and taking action, not only taking "
            "part. Include pupils of different ages and backgrounds."
        ),
        "evidence_examples": [
            "Notes from meetings of a pupil sanctuary group",
            "An event planned and run by pupils",
            "A short presentation by pupils to the panel",
            "A pupil-led buddy scheme for new arrivals",
        ],
    },
    {
        "code": "E5",
        "principle": "embed",
        "title": "Taking part in Refugee Week or similar celebrations",
        "asks": (
            "The school takes part in Refugee Week or another celebration of the "
            "contribution of people seeking sanctuary."
        ),
        "guidance": (
            "Celebrations work best when they link to learning in class and involve "
            "families and the local community. Tell us what happened, who took part and "
            "what pupils took away from it."
        ),
        "evidence_examples": [
            "A programme of Refugee Week activities",
            "Photos of displays or performances (with consent)",
            "Invitations sent to families and neighbours",
            "Pupils' comments about the celebration",
        ],
    },
    {
        "code": "S6",
        "principle": "share",
        "title": "A public commitment: the pledge on show",
        "asks": (
            "The school signs the City of Sanctuary pledge and shows its commitment on its "
            "website and in a public space in school."
        ),
        "guidance": (
            "The pledge should be signed by the head teacher or chair of governors. Put it "
            "where visitors will see it, such as reception, and add a short statement to "
            "the school website."
        ),
        "evidence_examples": [
            "A copy of the signed pledge",
            "A link to the statement on the school website",
            "A photo of the pledge on display in reception",
        ],
    },
    {
        "code": "S7",
        "principle": "share",
        "title": "Sharing welcome work with the wider community",
        "asks": (
            "The school shares its welcome work with parents, neighbours and other schools, "
            "and speaks up for a culture of welcome."
        ),
        "guidance": (
            "Use the channels you already have and look for new ones, such as local press, "
            "social media or a talk at a cluster meeting. Tell us what you shared and how "
            "people responded."
        ),
        "evidence_examples": [
            "A newsletter or website article",
            "A social media post about a sanctuary event",
            "Notes from a presentation to other schools",
            "A local newspaper story",
        ],
    },
    {
        "code": "S8",
        "principle": "share",
        "title": "Working with refugee organisations and the wider network",
        "asks": (
            "The school works with local refugee organisations, its local City of Sanctuary "
            "group and the national Schools of Sanctuary network."
        ),
        "guidance": (
            "Name the organisations you work with and explain what you do together. "
            "Assessors look for a two-way relationship, for example a partner helping to "
            "shape your plans, or the school supporting a partner's work."
        ),
        "evidence_examples": [
            "Details of a joint project with a local refugee organisation",
            "Attendance at a Schools of Sanctuary network meeting",
            "A letter of support from the local City of Sanctuary group",
            "Support given to another school working towards the award",
        ],
    },
]

# ---------------------------------------------------------------------------
# Further education colleges
# ---------------------------------------------------------------------------

_COLLEGES_V1_CRITERIA = [
    {
        "code": "L1",
        "principle": "learn",
        "title": "Staff awareness of the needs of students seeking sanctuary",
        "asks": (
            "Teaching, support and admissions staff learn about the barriers faced by "
            "students who are refugees or seeking asylum."
        ),
        "guidance": (
            "Offer training to staff who meet students first, such as admissions and "
            "student services, as well as to teaching staff. Tell us how many staff took part."
        ),
        "evidence_examples": [
            "Training materials or slides",
            "Attendance figures by department",
            "Staff feedback on the training",
        ],
    },
    {
        "code": "L2",
        "principle": "learn",
        "title": "Students learn about forced migration through tutorials",
        "asks": (
            "Students learn about forced migration through induction and the tutorial programme."
        ),
        "guidance": (
            "Add a session to the tutorial programme or to student induction. Tell us how "
            "many students it reached."
        ),
        "evidence_examples": [
            "A tutorial session plan",
            "Induction materials",
            "Student feedback from the session",
        ],
    },
    {
        "code": "L3",
        "principle": "learn",
        "title": "Forced migration within course content",
        "asks": (
            "At least some vocational or academic courses include learning about forced migration."
        ),
        "guidance": (
            "Look for natural links, for example in health and social care, media or "
            "English courses. Tell us which courses and what students did."
        ),
        "evidence_examples": [
            "Course schemes of work",
            "Examples of student assignments (with consent)",
            "Details of a guest speaker in a course",
        ],
    },
    {
        "code": "E4",
        "principle": "embed",
        "title": "A named Sanctuary Lead",
        "asks": (
            "The college names a member of staff as its Sanctuary Lead, who students "
            "seeking sanctuary can go to for help."
        ),
        "guidance": (
            "Tell us who the lead is (by role), how students find them and how much time "
            "they have for the role."
        ),
        "evidence_examples": [
            "The lead's role description",
            "Information for students naming the contact",
            "A report from the lead to senior managers",
        ],
    },
    {
        "code": "E5",
        "principle": "embed",
        "title": "Fair admissions and help with fees",
        "asks": (
            "The college makes admissions fair for students seeking sanctuary and helps "
            "with fees where it can."
        ),
        "guidance": (
            "Explain how the college checks eligibility for funding and what it does when "
            "a student does not qualify. Assessors look for a clear written approach."
        ),
        "evidence_examples": [
            "The admissions policy",
            "Guidance on fee eligibility for staff",
            "Figures on fee waivers given",
        ],
    },
    {
        "code": "E6",
        "principle": "embed",
        "title": "ESOL provision and progression routes",
        "asks": (
            "The college offers English for Speakers of Other Languages (ESOL) and clear "
            "routes from ESOL onto other courses."
        ),
        "guidance": (
            "Describe your ESOL offer, any waiting lists, and how students move on to "
            "vocational or academic courses."
        ),
        "evidence_examples": [
            "The ESOL course list",
            "Progression figures from ESOL",
            "Case studies of students who moved on (with consent)",
        ],
    },
    {
        "code": "E7",
        "principle": "embed",
        "title": "A supportive environment",
        "asks": (
            "Students seeking sanctuary get wellbeing support and someone to talk to while "
            "they study."
        ),
        "guidance": (
            "Tell us about counselling, mentoring and any help with travel, food or equipment."
        ),
        "evidence_examples": [
            "Details of wellbeing and counselling services",
            "A mentoring scheme description",
            "Records of hardship support (anonymised)",
        ],
    },
    {
        "code": "E8",
        "principle": "embed",
        "title": "Listening to students seeking sanctuary",
        "asks": "The college asks students seeking sanctuary for their views and acts on them.",
        "guidance": (
            "A focus group or survey is a good start. Tell us what students said and what "
            "changed as a result."
        ),
        "evidence_examples": [
            "Survey results or focus group notes",
            "A 'you said, we did' summary",
            "Student representative meeting minutes",
        ],
    },
    {
        "code": "S9",
        "principle": "share",
        "title": "Community celebration",
        "asks": (
            "The college holds or takes part in a celebration such as Refugee Week, open "
            "to the local community."
        ),
        "guidance": (
            "Tell us what took place, who came and how students seeking sanctuary were "
            "involved in planning it."
        ),
        "evidence_examples": [
            "An event programme",
            "Photos of the event (with consent)",
            "Attendance figures",
        ],
    },
    {
        "code": "S10",
        "principle": "share",
        "title": "A public commitment",
        "asks": "The college signs the City of Sanctuary pledge and says so publicly.",
        "guidance": "The principal should sign the pledge. Show it on the college website.",
        "evidence_examples": [
            "The signed pledge",
            "A link to the college website statement",
            "A press release",
        ],
    },
    {
        "code": "S11",
        "principle": "share",
        "title": "Celebrating contribution",
        "asks": (
            "The college celebrates the achievements and contribution of students and "
            "staff who have sought sanctuary."
        ),
        "guidance": (
            "Stories should be told with consent and in the person's own words where possible."
        ),
        "evidence_examples": [
            "A student success story (with consent)",
            "An awards ceremony programme",
            "A newsletter article",
        ],
    },
    {
        "code": "S12",
        "principle": "share",
        "title": "Sharing practice with other colleges",
        "asks": "The college shares what it has learned with other colleges.",
        "guidance": "This could be a talk at a network meeting, a visit or a shared resource.",
        "evidence_examples": [
            "Slides from a network presentation",
            "Notes from a visit by another college",
            "A shared resource or toolkit",
        ],
    },
]

_COLLEGES_V2_CRITERIA = [
    {
        "code": "L1",
        "principle": "learn",
        "title": "Staff awareness and training",
        "asks": (
            "Staff across the college, including admissions, student services and teaching "
            "staff, learn about the experiences and barriers of people seeking sanctuary."
        ),
        "guidance": (
            "Training should be regular, not one-off, and reach the staff students meet "
            "first. Assessors look for training that involves people with lived experience "
            "and for changes in practice that followed it."
        ),
        "evidence_examples": [
            "Training materials co-delivered with people with lived experience",
            "Attendance figures by department",
            "Examples of changes made after training",
            "A training plan for the next three years",
        ],
    },
    {
        "code": "L2",
        "principle": "learn",
        "title": "All students learn about forced migration",
        "asks": (
            "All students have the chance to learn about forced migration through "
            "induction, tutorials and course content."
        ),
        "guidance": (
            "Combine a session for everyone, such as in tutorials or induction, with links "
            "in course content where they fit naturally. Tell us how many students this "
            "reached and which courses took part."
        ),
        "evidence_examples": [
            "A tutorial or induction session plan",
            "Course schemes of work with links to forced migration",
            "Examples of student work (with consent)",
            "Student feedback from sessions",
        ],
    },
    {
        "code": "E3",
        "principle": "embed",
        "title": "A named Sanctuary Lead who reviews access each year",
        "asks": (
            "The college has a named Sanctuary Lead, shown on the website and at "
            "enrolment, who reviews the access and progress of students seeking sanctuary "
            "every year."
        ),
        "guidance": (
            "Students should be able to find the lead easily, in plain English and in the "
            "places they look first. The yearly review should use data on applications, "
            "enrolment, retention and progression, and lead to actions."
        ),
        "evidence_examples": [
            "The Sanctuary Lead page on the college website",
            "Enrolment materials naming the lead",
            "The most recent yearly access and progress review",
            "Actions agreed by senior managers after the review",
        ],
    },
    {
        "code": "E4",
        "principle": "embed",
        "title": "Widening access: admissions, fees, travel and ESOL",
        "asks": (
            "The college removes barriers to study through fair admissions, help with "
            "fees and travel, and ESOL courses with clear routes onto other courses."
        ),
        "guidance": (
            "Explain what happens when a student is not eligible for funding, and how "
            "ESOL students progress. Assessors look for a written approach that staff "
            "follow, not decisions made case by case."
        ),
        "evidence_examples": [
            "The admissions policy and fee guidance for staff",
            "Figures on fee waivers and travel support",
            "ESOL progression figures",
            "Case studies of students who progressed (with consent)",
        ],
    },
    {
        "code": "E5",
        "principle": "embed",
        "title": "A supportive environment",
        "asks": (
            "Students seeking sanctuary get wellbeing support, mentoring and practical "
            "help so they can stay on their course and do well."
        ),
        "guidance": (
            "Tell us about counselling, mentoring, hardship funds and links to specialist "
            "services such as legal advice. Trauma-informed approaches are good practice."
        ),
        "evidence_examples": [
            "Details of wellbeing and counselling services",
            "A mentoring scheme description",
            "Anonymised records of hardship support",
            "Referral routes to specialist organisations",
        ],
    },
    {
        "code": "E6",
        "principle": "embed",
        "title": "Student voice and co-production",
        "asks": (
            "People seeking sanctuary help to design, deliver and review the college's "
            "sanctuary work, and their views lead to change."
        ),
        "guidance": (
            "Co-production means sharing power, not only asking for opinions. Assessors "
            "look for students or community members with lived experience taking part in "
            "decisions, paid or thanked for their time, and told what changed."
        ),
        "evidence_examples": [
            "Minutes of a sanctuary working group with student members",
            "A 'you said, we did' summary",
            "Training or resources co-designed with students",
            "A record of payment or vouchers for participants",
        ],
    },
    {
        "code": "E7",
        "principle": "embed",
        "title": "Community celebration",
        "asks": (
            "The college holds or joins a celebration such as Refugee Week, planned with "
            "students seeking sanctuary and open to the local community."
        ),
        "guidance": (
            "Tell us who planned the event, who came and what difference it made. Link "
            "the celebration to learning across the college where you can."
        ),
        "evidence_examples": [
            "An event programme",
            "Photos of the event (with consent)",
            "Attendance figures",
            "Feedback from students and visitors",
        ],
    },
    {
        "code": "S8",
        "principle": "share",
        "title": "A public commitment through the pledge",
        "asks": (
            "The college signs the City of Sanctuary pledge and shows its commitment on its "
            "website and on campus."
        ),
        "guidance": (
            "The principal or chair of governors should sign the pledge. Show it where "
            "students and visitors will see it."
        ),
        "evidence_examples": [
            "The signed pledge",
            "A link to the college website statement",
            "A photo of the pledge on display on campus",
        ],
    },
    {
        "code": "S9",
        "principle": "share",
        "title": "Celebrating the contribution of people seeking sanctuary",
        "asks": (
            "The college celebrates the achievements and contribution of students, staff "
            "and community members who have sought sanctuary."
        ),
        "guidance": (
            "Stories should be told with consent and in the person's own words where "
            "possible. Avoid focusing only on hardship: show skills, talents and success."
        ),
        "evidence_examples": [
            "A student success story (with consent)",
            "An awards ceremony programme",
            "A social media post or newsletter article",
        ],
    },
    {
        "code": "S10",
        "principle": "share",
        "title": "Sharing practice with other colleges",
        "asks": (
            "The college shares what it has learned with other colleges and supports those "
            "working towards the award."
        ),
        "guidance": (
            "This could be a talk at a network meeting, a visit, mentoring another college "
            "or a shared resource."
        ),
        "evidence_examples": [
            "Slides from a network presentation",
            "Notes from a visit by another college",
            "A shared resource or toolkit",
            "A mentoring agreement with another college",
        ],
    },
]

# ---------------------------------------------------------------------------
# Universities
# ---------------------------------------------------------------------------

_UNIVERSITIES_CRITERIA = [
    {
        "code": "L1",
        "principle": "learn",
        "title": "Staff awareness and training",
        "asks": (
            "Academic and professional services staff learn about the experiences of "
            "people seeking sanctuary and the barriers they face in higher education."
        ),
        "guidance": (
            "Focus on staff who work with applicants and students: admissions, funding, "
            "student support and personal tutors. Assessors look for regular training and "
            "for staff knowing where to refer students."
        ),
        "evidence_examples": [
            "Training slides or e-learning module",
            "Attendance figures by faculty or service",
            "A staff guide to supporting students seeking sanctuary",
            "Feedback from staff after training",
        ],
    },
    {
        "code": "L2",
        "principle": "learn",
        "title": "Students learn about forced migration",
        "asks": (
            "Students can learn about forced migration through modules, public lectures, "
            "events and student societies."
        ),
        "guidance": (
            "Show the range of chances to learn, inside and outside the curriculum. "
            "Events led or co-led by people with lived experience are good practice."
        ),
        "evidence_examples": [
            "Module descriptions that cover forced migration",
            "A programme of public lectures or film screenings",
            "Activities of a student society",
            "Attendance figures for events",
        ],
    },
    {
        "code": "L3",
        "principle": "learn",
        "title": "Research and knowledge exchange",
        "asks": (
            "The university supports research and knowledge exchange about forced "
            "migration, and shares it beyond the university."
        ),
        "guidance": (
            "Tell us about research groups, projects and partnerships with community "
            "organisations. Assessors look for research that involves people with lived "
            "experience fairly and shares findings in accessible ways."
        ),
        "evidence_examples": [
            "A list of relevant research projects",
            "A community partnership agreement",
            "A plain-English research summary",
            "Details of a knowledge exchange event",
        ],
    },
    {
        "code": "E4",
        "principle": "embed",
        "title": "Sanctuary scholarships",
        "asks": (
            "The university offers sanctuary scholarships with full fee waivers and "
            "bursaries for living costs."
        ),
        "guidance": (
            "Tell us how many scholarships there are, who is eligible and how people find "
            "out about them. Assessors look for support that covers living costs, not only "
            "fees, and for a plan to keep the scheme going."
        ),
        "evidence_examples": [
            "The scholarship web page and eligibility rules",
            "Numbers of scholarships offered and taken up each year",
            "A budget commitment from senior leaders",
            "Feedback from scholars (with consent)",
        ],
    },
    {
        "code": "E5",
        "principle": "embed",
        "title": "Fair admissions and recognition of prior learning",
        "asks": (
            "Admissions are fair and flexible for applicants seeking sanctuary, including "
            "recognising qualifications and learning gained elsewhere."
        ),
        "guidance": (
            "Explain what you do when an applicant cannot provide certificates or "
            "transcripts, and how you assess language skills. A named admissions contact "
            "helps applicants."
        ),
        "evidence_examples": [
            "The admissions policy for applicants seeking sanctuary",
            "Guidance on recognising prior learning",
            "A named contact on the admissions web pages",
        ],
    },
    {
        "code": "E6",
        "principle": "embed",
        "title": "Wellbeing and welcome support",
        "asks": (
            "Students and staff seeking sanctuary get a warm welcome and wellbeing support "
            "throughout their time at the university."
        ),
        "guidance": (
            "Tell us about orientation, mentoring, counselling, academic skills and links "
            "to legal advice. Trauma-informed support is good practice."
        ),
        "evidence_examples": [
            "An orientation programme",
            "A mentoring or buddy scheme description",
            "Referral routes to legal and specialist support",
            "Anonymised figures on support provided",
        ],
    },
    {
        "code": "E7",
        "principle": "embed",
        "title": "A sanctuary steering group including lived experience",
        "asks": (
            "A steering group guides the university's sanctuary work, and people with "
            "lived experience of seeking sanctuary are members."
        ),
        "guidance": (
            "Tell us who is on the group (by role), how often it meets and what it has "
            "decided. Members with lived experience should be paid or thanked for their "
            "time and able to shape the agenda."
        ),
        "evidence_examples": [
            "Terms of reference for the steering group",
            "Minutes from recent meetings",
            "A record of payment or expenses for members",
        ],
    },
    {
        "code": "E8",
        "principle": "embed",
        "title": "Sanctuary in strategy and governance",
        "asks": (
            "Sanctuary is written into the university's strategy and governance, with a "
            "senior leader responsible for it."
        ),
        "guidance": (
            "Show where sanctuary appears in the strategic plan, equality plans or access "
            "and participation plans, and how progress is reported to senior leaders."
        ),
        "evidence_examples": [
            "An extract from the strategic plan",
            "A report to the senior leadership team or governing body",
            "The role description of the responsible senior leader",
        ],
    },
    {
        "code": "S9",
        "principle": "share",
        "title": "Public commitment and communication",
        "asks": (
            "The university signs the City of Sanctuary pledge and talks publicly about "
            "its commitment and the contribution of people seeking sanctuary."
        ),
        "guidance": (
            "The vice-chancellor should sign the pledge. Share stories with consent, and "
            "show skills and success, not only hardship."
        ),
        "evidence_examples": [
            "The signed pledge",
            "A sanctuary page on the university website",
            "Press releases or social media posts",
            "Stories from scholars or staff (with consent)",
        ],
    },
    {
        "code": "S10",
        "principle": "share",
        "title": "Supporting other institutions and community partners",
        "asks": (
            "The university supports other universities, colleges, schools and community "
            "organisations in their sanctuary work."
        ),
        "guidance": (
            "This could be mentoring another university, sharing space with a local "
            "refugee organisation or supporting local schools. Tell us what difference "
            "it made."
        ),
        "evidence_examples": [
            "Details of mentoring another institution",
            "A partnership agreement with a community organisation",
            "Notes from a network presentation",
            "Free room bookings for community groups",
        ],
    },
]

# ---------------------------------------------------------------------------
# Local authorities
# ---------------------------------------------------------------------------

_LOCAL_AUTHORITIES_CRITERIA = [
    {
        "code": "P1",
        "principle": "prerequisite",
        "title": "Member of the Local Authority Network",
        "asks": (
            "The council has joined the City of Sanctuary Local Authority Network by "
            "signing its pledge."
        ),
        "guidance": (
            "This must be in place before you apply. Tell us when the pledge was signed "
            "and by whom (by role)."
        ),
        "evidence_examples": [
            "A copy of the signed network pledge",
            "Confirmation of network membership",
            "A record of the council's contact for the network",
        ],
    },
    {
        "code": "P2",
        "principle": "prerequisite",
        "title": "A council motion",
        "asks": (
            "The full council has passed a motion committing to become a place of "
            "welcome and safety for people seeking sanctuary."
        ),
        "guidance": (
            "Upload the motion as passed and the minutes of the meeting. Assessors check "
            "that it commits the whole council, not a single service."
        ),
        "evidence_examples": [
            "The text of the motion as passed",
            "Minutes of the full council meeting",
            "A link to the published decision",
        ],
    },
    {
        "code": "P3",
        "principle": "prerequisite",
        "title": "Working with the local group and refugee networks",
        "asks": (
            "The council commits to work with its local City of Sanctuary group and with "
            "local refugee networks and organisations."
        ),
        "guidance": (
            "Describe how you meet and work together, for example a regular partnership "
            "meeting. The commitment should be written down."
        ),
        "evidence_examples": [
            "A written partnership agreement or terms of reference",
            "Minutes of joint meetings",
            "A list of partner organisations",
        ],
    },
    {
        "code": "P4",
        "principle": "prerequisite",
        "title": "Written endorsement from the local group",
        "asks": (
            "The local City of Sanctuary group gives its written endorsement of the "
            "council's application."
        ),
        "guidance": (
            "Ask the local group early. The endorsement should say how the group has been "
            "involved and why it supports the application. Without it the application "
            "cannot be accepted."
        ),
        "evidence_examples": [
            "A signed endorsement letter from the local group",
            "Notes of the meeting where the group agreed to endorse",
            "The group's comments on the draft application",
        ],
    },
    {
        "code": "P5",
        "principle": "prerequisite",
        "title": "Joint representations to government",
        "asks": (
            "The council commits to join other councils and partners in speaking to "
            "government about policies that affect people seeking sanctuary."
        ),
        "guidance": (
            "This could be signing joint letters, responding to consultations or raising "
            "issues through the network. Tell us how the commitment was agreed."
        ),
        "evidence_examples": [
            "A cabinet or committee decision",
            "A joint letter the council has signed",
            "A consultation response",
        ],
    },
    {
        "code": "P6",
        "principle": "prerequisite",
        "title": "A public strategy covering at least three years",
        "asks": (
            "The council has published a sanctuary strategy that covers at least the next "
            "three years."
        ),
        "guidance": (
            "The strategy should say what the council will do, by when and who is "
            "responsible. It should be easy for the public to find."
        ),
        "evidence_examples": [
            "The published strategy",
            "A link to the strategy on the council website",
            "The decision approving the strategy",
        ],
    },
    {
        "code": "L1",
        "principle": "learn",
        "title": "Awareness raising and discussion",
        "asks": (
            "The council raises awareness of sanctuary among residents, councillors and "
            "partners, and makes space for open discussion."
        ),
        "guidance": (
            "Think about events, briefings for councillors, and honest conversations about "
            "concerns in the community. Assessors look for reach beyond people who already "
            "agree."
        ),
        "evidence_examples": [
            "A councillor briefing pack",
            "Details of public events or community conversations",
            "Council magazine or website articles",
            "Attendance figures",
        ],
    },
    {
        "code": "L2",
        "principle": "learn",
        "title": "Asylum and migration awareness in induction and training",
        "asks": (
            "Learning about asylum and migration is built into staff induction and into "
            "training for services that work with residents."
        ),
        "guidance": (
            "Show how the learning reaches front-line staff in housing, social care, "
            "education and customer services. Training co-delivered by people with lived "
            "experience is good practice."
        ),
        "evidence_examples": [
            "The staff induction programme",
            "An e-learning module or training slides",
            "Numbers trained by directorate",
            "A record of payment to lived-experience trainers",
        ],
    },
    {
        "code": "L3",
        "principle": "learn",
        "title": "Helping the voices of people seeking sanctuary be heard",
        "asks": (
            "The council helps people seeking sanctuary to be heard in decisions that "
            "affect them and in public life."
        ),
        "guidance": (
            "This might be a forum, representation on a partnership board or support for "
            "people to speak at council meetings. Tell us what changed because people "
            "were heard."
        ),
        "evidence_examples": [
            "Terms of reference for a lived-experience forum",
            "Minutes showing contributions from people seeking sanctuary",
            "Examples of decisions changed after feedback",
        ],
    },
    {
        "code": "E4",
        "principle": "embed",
        "title": "Welcome at every level, built to last",
        "asks": (
            "Welcome is part of the council's policies and practice at every level, and "
            "will last beyond the award and changes in leadership."
        ),
        "guidance": (
            "Show where sanctuary is written into corporate plans, equality policies and "
            "service plans, and who is responsible. Assessors look for cross-party support "
            "and named senior roles."
        ),
        "evidence_examples": [
            "Extracts from the corporate plan",
            "An equality impact assessment that considers people seeking sanctuary",
            "The role description of the senior lead officer",
            "Evidence of cross-party support",
        ],
    },
    {
        "code": "E5",
        "principle": "embed",
        "title": "Support for community initiatives",
        "asks": (
            "The council supports community groups that welcome people seeking sanctuary, "
            "through funding, space, advice or partnership."
        ),
        "guidance": (
            "Tell us which groups you support and how. Small practical help, such as free "
            "use of a community hall, counts."
        ),
        "evidence_examples": [
            "A list of grants to community groups",
            "Agreements for free use of council buildings",
            "Feedback from community groups",
        ],
    },
    {
        "code": "E6",
        "principle": "embed",
        "title": "Accessible services, with an action plan per directorate",
        "asks": (
            "Council services are accessible to people seeking sanctuary, with interpreting "
            "and clear language, and each directorate has its own action plan."
        ),
        "guidance": (
            "Upload each directorate's action plan in the usual spreadsheet layout, with "
            "owners, milestones, due dates and RAG ratings. Assessors look for realistic "
            "actions, clear owners and progress reported twice a year."
        ),
        "evidence_examples": [
            "An action plan spreadsheet for each directorate",
            "The council's interpreting policy",
            "Examples of letters rewritten in plain English",
            "The most recent six-monthly progress report",
        ],
    },
    {
        "code": "S7",
        "principle": "share",
        "title": "Publicising the commitment and progress",
        "asks": (
            "The council tells residents about its commitment to sanctuary and reports "
            "openly on its progress."
        ),
        "guidance": (
            "Use the council website, magazine and social media. Publishing progress "
            "against the action plans builds trust."
        ),
        "evidence_examples": [
            "A sanctuary page on the council website",
            "A published progress report",
            "Press releases or social media posts",
        ],
    },
    {
        "code": "S8",
        "principle": "share",
        "title": "Sharing good practice with other councils",
        "asks": (
            "The council shares what it has learned with other councils, through the "
            "Local Authority Network and in other ways."
        ),
        "guidance": (
            "This could be presenting at a network meeting, hosting a visit or mentoring a "
            "council that is starting out."
        ),
        "evidence_examples": [
            "Slides from a network presentation",
            "Notes from hosting a visit",
            "A shared template or toolkit",
        ],
    },
]

# ---------------------------------------------------------------------------
# Libraries
# ---------------------------------------------------------------------------

_LIBRARIES_CRITERIA = [
    {
        "code": "L1",
        "principle": "learn",
        "title": "Staff and volunteers learn about sanctuary",
        "asks": (
            "Library staff and volunteers learn about the experiences of people seeking "
            "sanctuary and how the library can help."
        ),
        "guidance": (
            "Include staff at every branch and volunteers who run groups. Assessors look "
            "for staff knowing where to signpost people for advice."
        ),
        "evidence_examples": [
            "Training slides or notes",
            "Attendance figures by branch",
            "A signposting sheet for front-line staff",
        ],
    },
    {
        "code": "L2",
        "principle": "learn",
        "title": "Raising awareness through collections and events",
        "asks": (
            "The library helps the public learn about sanctuary through its book "
            "collections, displays, reading groups and events."
        ),
        "guidance": (
            "Tell us about displays, author talks and reading lists. Events with writers "
            "or speakers who have sought sanctuary are good practice."
        ),
        "evidence_examples": [
            "A reading list or book display",
            "An events programme",
            "Photos of a display (with consent where people appear)",
            "Attendance figures",
        ],
    },
    {
        "code": "E3",
        "principle": "embed",
        "title": "Library membership without barriers",
        "asks": (
            "People seeking sanctuary can join the library and use computers even if they "
            "cannot show proof of address or identity documents."
        ),
        "guidance": (
            "Explain your joining rules and what staff do when someone has no documents, "
            "for example accepting a letter from a support organisation. Make sure every "
            "branch follows the same rules."
        ),
        "evidence_examples": [
            "The membership policy",
            "Guidance for staff on joining without documents",
            "Figures on new members joining this way",
        ],
    },
    {
        "code": "E4",
        "principle": "embed",
        "title": "Welcoming spaces and services",
        "asks": (
            "The library offers services that meet the needs of people seeking sanctuary, "
            "such as conversation clubs, digital help and books in community languages."
        ),
        "guidance": (
            "Ask people seeking sanctuary what they need, and tell us what you changed. "
            "Warm, safe spaces and free Wi-Fi matter as much as events."
        ),
        "evidence_examples": [
            "A conversation club timetable",
            "A list of stock in community languages",
            "Details of digital help sessions",
            "Feedback from people using the services",
        ],
    },
    {
        "code": "S5",
        "principle": "share",
        "title": "A public commitment",
        "asks": (
            "The library service signs the City of Sanctuary pledge and shows its "
            "commitment at every branch and online."
        ),
        "guidance": (
            "A multi-site library service can hold one award, so show the commitment at "
            "each branch, not only the central library."
        ),
        "evidence_examples": [
            "The signed pledge",
            "Photos of the pledge at branches",
            "A sanctuary page on the library website",
        ],
    },
    {
        "code": "S6",
        "principle": "share",
        "title": "Sharing practice and celebrating contribution",
        "asks": (
            "The library celebrates the contribution of people seeking sanctuary and shares "
            "its practice with other library services."
        ),
        "guidance": (
            "This could be a Refugee Week celebration, a talk at a regional library "
            "meeting or a shared resource list."
        ),
        "evidence_examples": [
            "A Refugee Week programme",
            "Slides from a presentation to other library services",
            "A shared resource list",
        ],
    },
]

# ---------------------------------------------------------------------------
# Health
# ---------------------------------------------------------------------------

_HEALTH_CRITERIA = [
    {
        "code": "L1",
        "principle": "learn",
        "title": "Staff learn about health needs and entitlements",
        "asks": (
            "Clinical and reception staff learn about the health needs of people seeking "
            "sanctuary and their rights to NHS care."
        ),
        "guidance": (
            "Reception and registration staff are often the first contact, so include them. "
            "Assessors look for staff who understand entitlements and the effects of trauma."
        ),
        "evidence_examples": [
            "Training slides or e-learning records",
            "Attendance figures by staff group",
            "A quick guide to entitlements for reception staff",
            "Staff feedback after training",
        ],
    },
    {
        "code": "E2",
        "principle": "embed",
        "title": "Registration without ID, proof of address or immigration status",
        "asks": (
            "Anyone can register or be seen without showing identity documents, proof of "
            "address or proof of immigration status."
        ),
        "guidance": (
            "Check your written registration policy and what reception staff actually do. "
            "People should not be turned away for lack of documents. Assessors may ask how "
            "a person with no fixed address would register."
        ),
        "evidence_examples": [
            "The written registration policy",
            "Reception staff guidance or scripts",
            "Results of a check or audit of registration practice",
            "Feedback from a local refugee organisation",
        ],
    },
    {
        "code": "E3",
        "principle": "embed",
        "title": "Professional interpreting",
        "asks": (
            "Patients who need an interpreter get a professional one, free of charge, for "
            "appointments and important information."
        ),
        "guidance": (
            "Family members, and especially children, should not be asked to interpret. "
            "Explain how staff book interpreters and how patients can ask for one, and "
            "record the language needed on the patient record."
        ),
        "evidence_examples": [
            "The interpreting policy",
            "Figures on interpreter bookings",
            "Patient information about how to ask for an interpreter",
            "Translated leaflets or letters",
        ],
    },
    {
        "code": "E4",
        "principle": "embed",
        "title": "Welcoming, trauma-informed services shaped by patients",
        "asks": (
            "Services are welcoming and trauma-informed, and people seeking sanctuary help "
            "to shape them."
        ),
        "guidance": (
            "Tell us how you listen to patients with lived experience, for example through "
            "a patient group, and what you changed. Longer appointments for first visits "
            "are good practice."
        ),
        "evidence_examples": [
            "Minutes of a patient participation group",
            "A 'you said, we did' summary",
            "A trauma-informed care policy",
            "Details of longer first appointments",
        ],
    },
    {
        "code": "S5",
        "principle": "share",
        "title": "A public commitment",
        "asks": (
            "The organisation signs the City of Sanctuary pledge and tells patients that "
            "everyone is welcome to register."
        ),
        "guidance": (
            "Put a clear welcome message in waiting areas and on the website, in community "
            "languages where you can."
        ),
        "evidence_examples": [
            "The signed pledge",
            "A photo of a welcome poster in the waiting area",
            "The registration page on the website",
        ],
    },
    {
        "code": "S6",
        "principle": "share",
        "title": "Sharing practice with other health services",
        "asks": (
            "The organisation shares what it has learned with other health services and "
            "works with local refugee organisations."
        ),
        "guidance": (
            "This could be a talk at a local health network, a shared policy template or "
            "a joint health event with a community group."
        ),
        "evidence_examples": [
            "Slides from a presentation to other practices or trusts",
            "A shared policy template",
            "Details of a joint community health event",
        ],
    },
]

# ---------------------------------------------------------------------------
# Arts and theatres
# ---------------------------------------------------------------------------

_ARTS_CRITERIA = [
    {
        "code": "L1",
        "principle": "learn",
        "title": "Staff, board and artists learn about sanctuary",
        "asks": (
            "Staff, trustees, volunteers and associate artists learn about the experiences "
            "of people seeking sanctuary."
        ),
        "guidance": (
            "Include front-of-house teams and volunteers, who are often the first welcome. "
            "Learning from artists with lived experience is good practice."
        ),
        "evidence_examples": [
            "Training notes or slides",
            "Board minutes showing a briefing",
            "Attendance figures for staff and volunteers",
        ],
    },
    {
        "code": "E2",
        "principle": "embed",
        "title": "Open doors: access to shows and spaces",
        "asks": (
            "People seeking sanctuary can enjoy performances and use the building, through "
            "free or low-cost tickets and a warm welcome."
        ),
        "guidance": (
            "Tell us how tickets reach people, for example through local refugee groups, "
            "and how front-of-house staff make people feel welcome."
        ),
        "evidence_examples": [
            "Details of a free ticket scheme",
            "Numbers of tickets given through partner groups",
            "Feedback from audience members (with consent)",
            "Front-of-house welcome guidance",
        ],
    },
    {
        "code": "E3",
        "principle": "embed",
        "title": "Creative opportunities and paid work for artists",
        "asks": (
            "People seeking sanctuary can take part in creative projects, and artists who "
            "have sought sanctuary get paid opportunities."
        ),
        "guidance": (
            "Tell us about workshops, participation projects, commissions and jobs. Pay "
            "artists fairly and cover travel and childcare costs for participants."
        ),
        "evidence_examples": [
            "A participation project description",
            "Details of commissions or paid roles",
            "A record of expenses paid to participants",
            "Comments from participants (with consent)",
        ],
    },
    {
        "code": "S4",
        "principle": "share",
        "title": "Telling stories with care",
        "asks": (
            "The organisation's programme shares the stories and talents of people seeking "
            "sanctuary with audiences, with care and consent."
        ),
        "guidance": (
            "Stories should be told by or with people with lived experience, not about "
            "them. Tell us how you made sure consent and wellbeing came first."
        ),
        "evidence_examples": [
            "A season brochure or programme",
            "A consent and wellbeing process for performers",
            "Audience feedback or reviews",
        ],
    },
    {
        "code": "S5",
        "principle": "share",
        "title": "Public commitment and sharing practice",
        "asks": (
            "The organisation signs the City of Sanctuary pledge, shows it publicly and "
            "shares its practice with other arts organisations."
        ),
        "guidance": (
            "Show the pledge in the foyer and online. Sharing could be a talk at a sector "
            "event or mentoring another venue."
        ),
        "evidence_examples": [
            "The signed pledge",
            "A photo of the pledge in the foyer",
            "Notes from a sector talk or mentoring session",
        ],
    },
]

# ---------------------------------------------------------------------------
# Museums
# ---------------------------------------------------------------------------

_MUSEUMS_CRITERIA = [
    {
        "code": "L1",
        "principle": "learn",
        "title": "Staff and volunteers learn about sanctuary",
        "asks": (
            "Museum staff, volunteers and trustees learn about the experiences of people "
            "seeking sanctuary."
        ),
        "guidance": (
            "Include visitor services teams and volunteer guides. Assessors look for "
            "learning that shapes how people are welcomed in the galleries."
        ),
        "evidence_examples": [
            "Training slides or notes",
            "Attendance figures",
            "Volunteer handbook section on welcome",
        ],
    },
    {
        "code": "E2",
        "principle": "embed",
        "title": "A welcoming visit for everyone",
        "asks": (
            "People seeking sanctuary can visit easily and feel welcome, with free entry, "
            "clear signs and tours or materials in community languages."
        ),
        "guidance": (
            "Tell us about free entry, group visits with local refugee organisations and "
            "help with travel costs where possible."
        ),
        "evidence_examples": [
            "Details of free entry or group visits",
            "Gallery guides in community languages",
            "Feedback from visiting groups",
            "Travel support records",
        ],
    },
    {
        "code": "E3",
        "principle": "embed",
        "title": "Co-curation and volunteering",
        "asks": (
            "People seeking sanctuary help interpret collections, curate displays and take "
            "part as volunteers or paid staff."
        ),
        "guidance": (
            "Co-curation means sharing decisions about what is shown and how. Tell us how "
            "participants were supported, paid or thanked, and credited."
        ),
        "evidence_examples": [
            "A co-curated display or label text",
            "Volunteer role descriptions",
            "A record of payment or expenses",
            "Participants' comments (with consent)",
        ],
    },
    {
        "code": "S4",
        "principle": "share",
        "title": "Sharing stories of migration",
        "asks": (
            "The museum uses its collections, exhibitions and events to share stories of "
            "migration and the contribution of people seeking sanctuary."
        ),
        "guidance": (
            "Refugee Week events, trails and online content all count. Stories should be "
            "shared with consent and in people's own words where possible."
        ),
        "evidence_examples": [
            "An exhibition or trail description",
            "A Refugee Week events programme",
            "Online content or a blog post",
        ],
    },
    {
        "code": "S5",
        "principle": "share",
        "title": "Public commitment and sharing practice",
        "asks": (
            "The museum signs the City of Sanctuary pledge, shows it publicly and shares "
            "its practice with other museums."
        ),
        "guidance": (
            "Show the pledge at the entrance and online. Sharing could be a talk at a "
            "regional museums network or a shared resource."
        ),
        "evidence_examples": [
            "The signed pledge",
            "A photo of the pledge at the entrance",
            "Slides from a museums network talk",
        ],
    },
]

# ---------------------------------------------------------------------------
# Faith
# ---------------------------------------------------------------------------

_FAITH_CRITERIA = [
    {
        "code": "L1",
        "principle": "learn",
        "title": "The community learns about sanctuary",
        "asks": (
            "Members of the faith community learn about the experiences of people seeking "
            "sanctuary, drawing on the teachings of their own tradition."
        ),
        "guidance": (
            "This could be a talk, a study group or a service or gathering on the theme of "
            "welcome. Hearing from people with lived experience is good practice."
        ),
        "evidence_examples": [
            "Notes or a recording of a talk",
            "A study group plan",
            "An order of service or programme for a gathering",
            "Attendance figures",
        ],
    },
    {
        "code": "E2",
        "principle": "embed",
        "title": "Practical welcome and support",
        "asks": (
            "The faith community offers practical welcome to people seeking sanctuary, such "
            "as hospitality, a drop-in, language practice or help to find advice."
        ),
        "guidance": (
            "Support should be offered to everyone, whatever their faith, with no pressure "
            "to take part in worship. Tell us how you know it meets a real need."
        ),
        "evidence_examples": [
            "A drop-in or conversation club timetable",
            "A signposting list of local advice services",
            "Feedback from people who use the support (with consent)",
        ],
    },
    {
        "code": "E3",
        "principle": "embed",
        "title": "Included in community life and leadership",
        "asks": (
            "People seeking sanctuary are included in the life of the community, including "
            "in volunteering and decision-making if they wish."
        ),
        "guidance": (
            "Tell us how people seeking sanctuary have shaped what the community does. "
            "Assessors look for friendship and shared roles, not only giving help."
        ),
        "evidence_examples": [
            "Volunteer rotas or role descriptions",
            "Minutes of a committee with members who have sought sanctuary",
            "Photos of a shared event (with consent)",
        ],
    },
    {
        "code": "S4",
        "principle": "share",
        "title": "Speaking up and working with others",
        "asks": (
            "The faith community speaks up for welcome in its wider area and works with "
            "other faith groups and local refugee organisations."
        ),
        "guidance": (
            "This could be an interfaith event, a joint project or writing to local "
            "representatives."
        ),
        "evidence_examples": [
            "Details of an interfaith event",
            "A joint project plan with a refugee organisation",
            "A letter to local representatives",
        ],
    },
    {
        "code": "S5",
        "principle": "share",
        "title": "A public commitment",
        "asks": (
            "The faith community signs the City of Sanctuary pledge and shows its "
            "commitment in its building and online."
        ),
        "guidance": (
            "The pledge should be agreed by the community's leaders or governing body. Show "
            "it where visitors will see it."
        ),
        "evidence_examples": [
            "The signed pledge",
            "A photo of the pledge on display",
            "A newsletter or website article",
        ],
    },
]

# ---------------------------------------------------------------------------
# Charity shops
# ---------------------------------------------------------------------------

_CHARITY_SHOPS_CRITERIA = [
    {
        "code": "L1",
        "principle": "learn",
        "title": "Learn about sanctuary and raise awareness",
        "asks": (
            "Staff and volunteers learn about people seeking sanctuary and raise awareness, "
            "through at least two activities."
        ),
        "guidance": (
            "Activities could be a short training session, a talk from a local refugee "
            "group or a reading list shared with volunteers. Tell us about each activity."
        ),
        "evidence_examples": [
            "Notes from a volunteer training session",
            "Details of a talk by a local refugee organisation",
            "A poster or leaflet shared in the shop",
        ],
    },
    {
        "code": "E2",
        "principle": "embed",
        "title": "Welcome and include people seeking sanctuary",
        "asks": (
            "The shop takes positive action to welcome and include people seeking "
            "sanctuary, through at least two activities."
        ),
        "guidance": (
            "Activities could be volunteering placements, clothing vouchers given through "
            "a partner group or a welcome sign in community languages."
        ),
        "evidence_examples": [
            "A volunteering placement description",
            "A voucher scheme agreement with a partner group",
            "A photo of a welcome sign in the shop",
            "Comments from volunteers (with consent)",
        ],
    },
    {
        "code": "S3",
        "principle": "share",
        "title": "Share the message of welcome",
        "asks": (
            "The shop shares the message of welcome with customers and the local community, "
            "through at least two activities."
        ),
        "guidance": (
            "Activities could be a Refugee Week window display, a social media post or "
            "signing and showing the City of Sanctuary pledge."
        ),
        "evidence_examples": [
            "A photo of a window display",
            "A social media post",
            "The signed pledge on display",
        ],
    },
]

# ---------------------------------------------------------------------------
# Generic minimum criteria (applications through a local group)
# ---------------------------------------------------------------------------

_GENERIC_CRITERIA = [
    {
        "code": "L1",
        "principle": "learn",
        "title": "Learn about sanctuary and raise awareness",
        "asks": (
            "The organisation learns what it means to seek sanctuary and helps others learn too."
        ),
        "guidance": (
            "This could be training for staff or volunteers, a talk from someone with lived "
            "experience or an awareness event. Your local group can suggest speakers."
        ),
        "evidence_examples": [
            "Notes or slides from a training session",
            "Details of an awareness event",
            "Feedback from people who took part",
        ],
    },
    {
        "code": "E2",
        "principle": "embed",
        "title": "Take positive action to welcome and include people seeking sanctuary",
        "asks": (
            "The organisation takes practical steps so that people seeking sanctuary are "
            "welcomed and included in what it does."
        ),
        "guidance": (
            "Think about your usual activities and what stops people seeking sanctuary "
            "from taking part. Assessors look for changes that will last."
        ),
        "evidence_examples": [
            "A policy or procedure you changed",
            "Details of free places, volunteering or work opportunities",
            "Feedback from people seeking sanctuary (with consent)",
            "A partnership with a local refugee organisation",
        ],
    },
    {
        "code": "S3",
        "principle": "share",
        "title": "Share your vision and achievements",
        "asks": (
            "The organisation tells others about its commitment to welcome and what it has "
            "achieved."
        ),
        "guidance": (
            "Sign the City of Sanctuary pledge and share your story through your website, "
            "newsletter, social media or local events."
        ),
        "evidence_examples": [
            "The signed pledge",
            "A website or newsletter article",
            "A social media post",
        ],
    },
]

# ---------------------------------------------------------------------------
# Streams
# ---------------------------------------------------------------------------

STREAMS = [
    {
        "slug": "schools",
        "name": "Schools",
        "award_title": "School of Sanctuary",
        "description": (
            "For primary, secondary and special schools, and nurseries, that want to be "
            "places of safety and welcome. Pupils, staff, governors and families all take "
            "part, and the award celebrates what the whole school does together."
        ),
        "panel_min_size": 3,
        "lived_experience_min": 1,
        "narrative_max_characters": 3000,
        "renewal_period_years": 3,
        "reminder_offsets_months": [6, 3, 1],
        "applies_through_local_group": False,
        "introduction": (
            "<p>A School of Sanctuary is a place where everyone feels safe and welcome, "
            "including children and families seeking sanctuary.</p>"
            "<p>The award recognises schools that help pupils learn about forced migration, "
            "build a culture of welcome and share it with their community.</p>"
        ),
        "how_to_apply": (
            "<p>Most schools take about a year to get ready. You do not need to do "
            "everything at once.</p>"
            "<ol>"
            "<li>Sign the City of Sanctuary pledge and tell us you are working towards the "
            "award.</li>"
            "<li>Set up a small group of staff and pupils to check what the school already "
            "does against the criteria.</li>"
            "<li>Make a plan, and keep evidence as you go, such as pupils' work, photos "
            "(with consent) and newsletters.</li>"
            "<li>Write your application. Your head teacher or chair of governors endorses "
            "it before you submit.</li>"
            "<li>Meet the panel, often with a visit to the school. Pupils are welcome to "
            "take part.</li>"
            "</ol>"
        ),
        "versions": [
            {
                "number": 1,
                "status": "retired",
                "effective_date": "2019-09-01",
                "change_summary": "First version of the School of Sanctuary criteria.",
                "criteria": _SCHOOLS_V1_CRITERIA,
            },
            {
                "number": 2,
                "status": "published",
                "effective_date": "2024-09-01",
                "change_summary": (
                    "Criteria reworded in 2024 to give pupils a bigger role in leading "
                    "sanctuary work, and the partner school criterion was dropped."
                ),
                "criteria": _SCHOOLS_V2_CRITERIA,
            },
        ],
    },
    {
        "slug": "colleges",
        "name": "Colleges",
        "award_title": "College of Sanctuary",
        "description": (
            "For further education colleges and sixth form colleges. It recognises "
            "colleges that widen access for students seeking sanctuary, support them to "
            "do well and work with them to shape the college's welcome."
        ),
        "panel_min_size": 3,
        "lived_experience_min": 1,
        "narrative_max_characters": 4000,
        "renewal_period_years": 3,
        "reminder_offsets_months": [6, 3, 1],
        "applies_through_local_group": False,
        "introduction": (
            "<p>A College of Sanctuary opens its doors to students seeking sanctuary and "
            "helps them to study, progress and feel at home.</p>"
            "<p>Students with lived experience help to shape the college's work, so "
            "co-production is part of every application.</p>"
        ),
        "how_to_apply": (
            "<p>Start by naming a Sanctuary Lead who will guide the college through the "
            "process.</p>"
            "<ol>"
            "<li>Sign the City of Sanctuary pledge and name your Sanctuary Lead.</li>"
            "<li>Set up a working group that includes students seeking sanctuary.</li>"
            "<li>Review admissions, fees, ESOL and support against the criteria, and agree "
            "an action plan.</li>"
            "<li>Collect evidence during the year and write your application. Your "
            "principal endorses it before you submit.</li>"
            "<li>Meet the panel, who will want to hear from students as well as staff.</li>"
            "</ol>"
        ),
        "versions": [
            {
                "number": 1,
                "status": "retired",
                "effective_date": "2021-09-01",
                "change_summary": "First version of the College of Sanctuary criteria.",
                "criteria": _COLLEGES_V1_CRITERIA,
            },
            {
                "number": 2,
                "status": "published",
                "effective_date": "2025-01-01",
                "change_summary": (
                    "Criteria cut from 12 to 10 in 2025: course learning and ESOL were merged "
                    "into other criteria, and co-production became a requirement."
                ),
                "criteria": _COLLEGES_V2_CRITERIA,
            },
        ],
    },
    {
        "slug": "universities",
        "name": "Universities",
        "award_title": "University of Sanctuary",
        "description": (
            "For universities and other higher education providers. It recognises "
            "universities that offer sanctuary scholarships, fair admissions and good "
            "support, and that build welcome into their teaching, research and strategy."
        ),
        "panel_min_size": 3,
        "lived_experience_min": 1,
        "narrative_max_characters": 4000,
        "renewal_period_years": 3,
        "reminder_offsets_months": [6, 3, 1],
        "applies_through_local_group": False,
        "introduction": (
            "<p>A University of Sanctuary makes higher education open to people seeking "
            "sanctuary and builds a culture of welcome across the whole institution.</p>"
        ),
        "how_to_apply": (
            "<p>Universities usually work towards the award over one or two years, led by "
            "a steering group.</p>"
            "<ol>"
            "<li>Sign the City of Sanctuary pledge and tell us you are working towards the "
            "award.</li>"
            "<li>Set up a steering group that includes people with lived experience.</li>"
            "<li>Review scholarships, admissions, support, teaching and research against "
            "the criteria, and agree a plan.</li>"
            "<li>Write your application and ask your vice-chancellor to endorse it.</li>"
            "<li>Meet the panel, who will talk with staff, students and community "
            "partners.</li>"
            "</ol>"
        ),
        "versions": [
            {
                "number": 1,
                "status": "published",
                "effective_date": "2023-01-01",
                "change_summary": "First version of the University of Sanctuary criteria.",
                "criteria": _UNIVERSITIES_CRITERIA,
            },
        ],
    },
    {
        "slug": "local-authorities",
        "name": "Local authorities",
        "award_title": "Council of Sanctuary",
        "description": (
            "For county, district, borough, city and town councils. It recognises councils "
            "that make welcome part of their policies and services, working with their "
            "local City of Sanctuary group and people seeking sanctuary."
        ),
        "panel_min_size": 3,
        "lived_experience_min": 1,
        "narrative_max_characters": 4000,
        "renewal_period_years": 3,
        "reminder_offsets_months": [6, 3, 1],
        "applies_through_local_group": False,
        "introduction": (
            "<p>A Council of Sanctuary (or Borough, County, District or Town of Sanctuary) "
            "puts welcome at the heart of its services and its local area.</p>"
            "<p>Councils must meet six prerequisites, including the local group's written "
            "endorsement, before their application can be accepted.</p>"
        ),
        "how_to_apply": (
            "<p>Talk to your local City of Sanctuary group first. Their support is "
            "essential.</p>"
            "<ol>"
            "<li>Join the Local Authority Network and pass a council motion.</li>"
            "<li>Agree how you will work with the local group and refugee networks, and "
            "publish a strategy covering at least three years.</li>"
            "<li>Ask each directorate to write an action plan, with owners, milestones and "
            "due dates.</li>"
            "<li>Ask the local group for its written endorsement, then submit your "
            "application with the council leader's endorsement.</li>"
            "<li>Meet the panel, and report on your action plans twice a year during the "
            "award.</li>"
            "</ol>"
        ),
        "versions": [
            {
                "number": 1,
                "status": "published",
                "effective_date": "2023-04-01",
                "change_summary": "First version of the Council of Sanctuary criteria.",
                "criteria": _LOCAL_AUTHORITIES_CRITERIA,
            },
        ],
    },
    {
        "slug": "libraries",
        "name": "Libraries",
        "award_title": "Library of Sanctuary",
        "description": (
            "For public library services, from a single library to a service with many "
            "branches. A multi-site service can hold one award that covers all of its "
            "libraries."
        ),
        "panel_min_size": 3,
        "lived_experience_min": 1,
        "narrative_max_characters": 4000,
        "renewal_period_years": 3,
        "reminder_offsets_months": [6, 3, 1],
        "applies_through_local_group": False,
        "introduction": (
            "<p>A Library of Sanctuary is a free, warm and safe place where people seeking "
            "sanctuary can join, learn, connect and feel at home.</p>"
        ),
        "how_to_apply": (
            "<p>Library services can apply for one branch or for the whole service.</p>"
            "<ol>"
            "<li>Sign the City of Sanctuary pledge.</li>"
            "<li>Check your joining rules so that people without documents can become "
            "members.</li>"
            "<li>Talk to local refugee groups about what people need, and plan services "
            "with them.</li>"
            "<li>Collect evidence from every branch and write your application. Your head "
            "of service endorses it.</li>"
            "<li>Meet the panel, often at one of your libraries.</li>"
            "</ol>"
        ),
        "versions": [
            {
                "number": 1,
                "status": "published",
                "effective_date": "2022-10-01",
                "change_summary": "First version of the Library of Sanctuary criteria.",
                "criteria": _LIBRARIES_CRITERIA,
            },
        ],
    },
    {
        "slug": "health",
        "name": "Health",
        "award_title": "Sanctuary in Health",
        "description": (
            "For hospitals, NHS trusts, GP surgeries and other health services. It "
            "recognises services where anyone can register and be seen, with interpreting "
            "and care that understands the effects of trauma."
        ),
        "panel_min_size": 3,
        "lived_experience_min": 1,
        "narrative_max_characters": 4000,
        "renewal_period_years": 3,
        "reminder_offsets_months": [6, 3, 1],
        "applies_through_local_group": False,
        "introduction": (
            "<p>Sanctuary in Health recognises health services that make care open and "
            "welcoming to people seeking sanctuary.</p>"
            "<p>Everyone should be able to register without ID, proof of address or proof "
            "of immigration status, and get a professional interpreter when they need "
            "one.</p>"
        ),
        "how_to_apply": (
            "<p>Start with registration: it is the first door people meet.</p>"
            "<ol>"
            "<li>Sign the City of Sanctuary pledge.</li>"
            "<li>Check your registration policy and what happens at reception, so no one is "
            "turned away for lack of documents.</li>"
            "<li>Check how staff book interpreters and how patients can ask for one.</li>"
            "<li>Train staff, listen to patients with lived experience and write your "
            "application. A senior leader endorses it.</li>"
            "<li>Meet the panel, who may talk to reception staff and patients.</li>"
            "</ol>"
        ),
        "versions": [
            {
                "number": 1,
                "status": "published",
                "effective_date": "2024-01-15",
                "change_summary": "First version of the Sanctuary in Health criteria.",
                "criteria": _HEALTH_CRITERIA,
            },
        ],
    },
    {
        "slug": "arts",
        "name": "Arts and theatres",
        "award_title": "Theatre of Sanctuary",
        "description": (
            "For theatres, arts centres, galleries, festivals and arts companies. It "
            "recognises organisations that open their doors to people seeking sanctuary "
            "and create fair opportunities for artists who have sought sanctuary."
        ),
        "panel_min_size": 3,
        "lived_experience_min": 1,
        "narrative_max_characters": 4000,
        "renewal_period_years": 3,
        "reminder_offsets_months": [6, 3, 1],
        "applies_through_local_group": False,
        "introduction": (
            "<p>Arts organisations of sanctuary welcome people seeking sanctuary as "
            "audiences, participants and artists, and tell stories with care.</p>"
        ),
        "how_to_apply": (
            "<p>Any arts organisation can apply, whether or not it has its own "
            "building.</p>"
            "<ol>"
            "<li>Sign the City of Sanctuary pledge.</li>"
            "<li>Build links with local refugee groups and artists with lived "
            "experience.</li>"
            "<li>Review tickets, welcome, participation and paid work against the "
            "criteria.</li>"
            "<li>Write your application. Your artistic director or chief executive "
            "endorses it.</li>"
            "<li>Meet the panel, perhaps at a performance or workshop.</li>"
            "</ol>"
        ),
        "versions": [
            {
                "number": 1,
                "status": "published",
                "effective_date": "2022-06-20",
                "change_summary": "First version of the arts and theatres criteria.",
                "criteria": _ARTS_CRITERIA,
            },
        ],
    },
    {
        "slug": "museums",
        "name": "Museums",
        "award_title": "Museum of Sanctuary",
        "description": (
            "For museums, heritage sites and archives. It recognises places that welcome "
            "people seeking sanctuary as visitors, volunteers and co-curators, and share "
            "stories of migration with the public."
        ),
        "panel_min_size": 3,
        "lived_experience_min": 1,
        "narrative_max_characters": 4000,
        "renewal_period_years": 3,
        "reminder_offsets_months": [6, 3, 1],
        "applies_through_local_group": False,
        "introduction": (
            "<p>A Museum of Sanctuary is a place where people seeking sanctuary are "
            "welcomed, and where their stories and heritage are shared with care.</p>"
        ),
        "how_to_apply": (
            "<p>Museums of every size can apply, from small volunteer-run museums to "
            "national ones.</p>"
            "<ol>"
            "<li>Sign the City of Sanctuary pledge.</li>"
            "<li>Invite local refugee groups to visit and ask what would help them feel "
            "welcome.</li>"
            "<li>Plan a co-curation or volunteering project with people seeking "
            "sanctuary.</li>"
            "<li>Write your application. Your director or chair of trustees endorses "
            "it.</li>"
            "<li>Meet the panel, usually at the museum.</li>"
            "</ol>"
        ),
        "versions": [
            {
                "number": 1,
                "status": "published",
                "effective_date": "2023-06-19",
                "change_summary": "First version of the Museum of Sanctuary criteria.",
                "criteria": _MUSEUMS_CRITERIA,
            },
        ],
    },
    {
        "slug": "faith",
        "name": "Faith",
        "award_title": "Faith Community of Sanctuary",
        "description": (
            "For churches, mosques, synagogues, gurdwaras, temples and other faith "
            "communities. It recognises communities of any faith that offer welcome, "
            "friendship and practical support to people seeking sanctuary."
        ),
        "panel_min_size": 3,
        "lived_experience_min": 1,
        "narrative_max_characters": 4000,
        "renewal_period_years": 3,
        "reminder_offsets_months": [6, 3, 1],
        "applies_through_local_group": False,
        "introduction": (
            "<p>Many faith traditions teach care for the stranger. A Faith Community of "
            "Sanctuary puts that teaching into practice, for people of every faith and "
            "none.</p>"
        ),
        "how_to_apply": (
            "<p>Faith communities of any size can apply.</p>"
            "<ol>"
            "<li>Agree with your leaders or governing body to work towards the award, and "
            "sign the pledge.</li>"
            "<li>Hold a learning session or gathering on the theme of welcome.</li>"
            "<li>Talk to people seeking sanctuary and local refugee groups about what "
            "support would help.</li>"
            "<li>Write your application. Your faith leader or chair endorses it.</li>"
            "<li>Meet the panel, who may join one of your activities.</li>"
            "</ol>"
        ),
        "versions": [
            {
                "number": 1,
                "status": "published",
                "effective_date": "2022-03-01",
                "change_summary": "First version of the faith criteria.",
                "criteria": _FAITH_CRITERIA,
            },
        ],
    },
    {
        "slug": "charity-shops",
        "name": "Charity shops",
        "award_title": "Shop of Sanctuary",
        "description": (
            "For charity shops run by charities of any kind. It recognises shops whose "
            "staff and volunteers learn about sanctuary, welcome people seeking sanctuary "
            "and share a message of welcome with customers."
        ),
        "panel_min_size": 3,
        "lived_experience_min": 1,
        "narrative_max_characters": 2000,
        "renewal_period_years": 3,
        "reminder_offsets_months": [6, 3, 1],
        "applies_through_local_group": False,
        "introduction": (
            "<p>A Shop of Sanctuary is a friendly place where people seeking sanctuary are "
            "welcome as customers and volunteers.</p>"
            "<p>There are three criteria, one for each principle, and you show at least two "
            "activities for each.</p>"
        ),
        "how_to_apply": (
            "<p>The award is designed to fit around busy shop teams.</p>"
            "<ol>"
            "<li>Sign the City of Sanctuary pledge with your shop manager.</li>"
            "<li>Plan at least two activities for each of Learn, Embed and Share.</li>"
            "<li>Keep photos and notes of each activity as it happens.</li>"
            "<li>Write a short application. Your area manager endorses it.</li>"
            "</ol>"
        ),
        "versions": [
            {
                "number": 1,
                "status": "published",
                "effective_date": "2024-06-17",
                "change_summary": "First version of the Shop of Sanctuary criteria.",
                "criteria": _CHARITY_SHOPS_CRITERIA,
            },
        ],
    },
    {
        "slug": "generic",
        "name": "Other organisations",
        "award_title": "Sanctuary Award",
        "description": (
            "For organisations that do not fit any other stream, such as sports clubs, "
            "businesses and community groups. You apply through your local City of "
            "Sanctuary group, which supports you and forms the panel."
        ),
        "panel_min_size": 3,
        "lived_experience_min": 1,
        "narrative_max_characters": 3000,
        "renewal_period_years": 3,
        "reminder_offsets_months": [6, 3, 1],
        "applies_through_local_group": True,
        "introduction": (
            "<p>Any organisation can become a place of sanctuary. If there is no stream "
            "for your sector, you can apply through your local City of Sanctuary group "
            "against three simple criteria.</p>"
        ),
        "how_to_apply": (
            "<p>Your local group will guide you through each step.</p>"
            "<ol>"
            "<li>Find your local City of Sanctuary group and tell them you are interested.</li>"
            "<li>Sign the City of Sanctuary pledge.</li>"
            "<li>Plan what you will do to Learn, Embed and Share, with help from the "
            "group.</li>"
            "<li>Write your application. A senior person in your organisation endorses "
            "it.</li>"
            "<li>Meet a panel formed by your local group.</li>"
            "</ol>"
        ),
        "versions": [
            {
                "number": 1,
                "status": "published",
                "effective_date": "2022-01-10",
                "change_summary": "First version of the generic minimum criteria.",
                "criteria": _GENERIC_CRITERIA,
            },
        ],
    },
]

# ---------------------------------------------------------------------------
# Local City of Sanctuary groups
# ---------------------------------------------------------------------------

LOCAL_GROUPS = [
    {
        "slug": "leicester",
        "title": "Leicester City of Sanctuary",
        "area": "Leicester and Leicestershire",
        "region": "East Midlands",
        "contact_email": "hello@leicester-sanctuary.example.org",
        "contact_phone": "0116 496 0123",
        "introduction": (
            "We bring people and organisations together to make Leicester and "
            "Leicestershire a place of welcome for people seeking sanctuary."
        ),
        "stream_slugs": [
            "schools",
            "colleges",
            "universities",
            "health",
            "libraries",
            "generic",
        ],
        "guidance_pages": [
            {
                "slug": "our-service-pathways",
                "title": "Our service pathways",
                "introduction": (
                    "Our support is organised into five pathways that follow a person's "
                    "journey from arrival to settling in."
                ),
                "body": [
                    (
                        "paragraph",
                        "<p>People come to us at different points in their journey. Our five "
                        "pathways help us offer the right support at the right time. "
                        "Anyone can use more than one pathway, and there is no charge.</p>",
                    ),
                    ("heading", "Wellbeing"),
                    (
                        "paragraph",
                        "<p>Our wellbeing pathway offers a friendly place to talk, "
                        "peer support groups and gentle activities such as walking and "
                        "gardening. We can help people register with a GP and find "
                        "specialist mental health support when they need it.</p>",
                    ),
                    ("heading", "Language and education"),
                    (
                        "paragraph",
                        "<p>We run English conversation clubs for all levels and help "
                        "people find ESOL classes at local colleges. We also help families "
                        "understand school admissions and support young people to move on "
                        "to college or university.</p>",
                    ),
                    ("heading", "Community navigation"),
                    (
                        "paragraph",
                        "<p>Our community navigators are trained volunteers, many with "
                        "lived experience. They help people find their way around local "
                        "services, such as libraries, banks, transport and advice "
                        "centres, and connect them with community groups.</p>",
                    ),
                    ("heading", "Skills and employability"),
                    (
                        "paragraph",
                        "<p>When people have the right to work, we help them write a CV, "
                        "get qualifications recognised and practise for interviews. "
                        "Before then, we offer volunteering that builds skills and "
                        "confidence.</p>",
                    ),
                    ("heading", "Transition to settlement"),
                    (
                        "paragraph",
                        "<p>When someone is granted refugee status they have a short time "
                        "to find a home and income. This pathway helps with housing, "
                        "benefits and opening a bank account, so that nobody faces this "
                        "change alone.</p>",
                    ),
                    (
                        "callout",
                        {
                            "title": "Need help now?",
                            "text": "<p>Drop in to our Wednesday welcome session, or call "
                            "us on 0116 496 0123. We can arrange an interpreter.</p>",
                        },
                    ),
                ],
            },
            {
                "slug": "applying-for-an-award",
                "title": "Applying for an award in Leicester",
                "introduction": (
                    "How we support schools, colleges, health services and other "
                    "organisations in our area to work towards a Sanctuary Award."
                ),
                "body": [
                    (
                        "paragraph",
                        "<p>We support organisations across Leicester and Leicestershire "
                        "that want to become places of sanctuary. We can talk through the "
                        "criteria, suggest partners and speakers, and help form a "
                        "panel.</p>",
                    ),
                    (
                        "callout",
                        {
                            "title": "Talk to us before you start",
                            "text": "<p>Email us at hello@leicester-sanctuary.example.org "
                            "and we will arrange a short call to help you plan.</p>",
                        },
                    ),
                    (
                        "faq",
                        [
                            {
                                "question": "Which award should my organisation apply for?",
                                "answer": "<p>If there is a stream for your sector, such "
                                "as schools or health, apply for that award. If not, you "
                                "can apply through us against the generic criteria.</p>",
                            },
                            {
                                "question": "How long does it take?",
                                "answer": "<p>Most organisations take between six months "
                                "and a year. It depends on what you already do and the "
                                "size of your organisation.</p>",
                            },
                            {
                                "question": "Who will be on the panel?",
                                "answer": "<p>At least three people, including someone "
                                "with lived experience of seeking sanctuary and, where "
                                "possible, a member of our group.</p>",
                            },
                            {
                                "question": "Does it cost anything?",
                                "answer": "<p>There is no charge to apply through us. We "
                                "ask organisations to pay people with lived experience "
                                "fairly when they give their time.</p>",
                            },
                        ],
                    ),
                ],
            },
        ],
    },
    {
        "slug": "lewisham",
        "title": "Lewisham Borough of Sanctuary",
        "area": "London Borough of Lewisham",
        "region": "London",
        "contact_email": "contact@lewisham-sanctuary.example.org",
        "contact_phone": "020 7946 0456",
        "introduction": (
            "We work with the council, schools, libraries, artists and residents to make "
            "Lewisham a borough where people seeking sanctuary are welcome."
        ),
        "stream_slugs": [
            "local-authorities",
            "schools",
            "libraries",
            "arts",
            "generic",
        ],
        "guidance_pages": [
            {
                "slug": "borough-of-sanctuary",
                "title": "Lewisham, a Borough of Sanctuary",
                "introduction": (
                    "What it means for Lewisham Council to be a Borough of Sanctuary, and "
                    "how residents can get involved."
                ),
                "body": [
                    (
                        "paragraph",
                        "<p>Lewisham has a long history of welcome. The council has "
                        "promised to make the borough a safe and welcoming place for "
                        "people seeking sanctuary, and to work with our group and local "
                        "refugee organisations to do it.</p>",
                    ),
                    ("heading", "What the council has promised"),
                    (
                        "paragraph",
                        "<ul>"
                        "<li>Train staff so they understand the asylum system and treat "
                        "everyone with respect.</li>"
                        "<li>Make services easier to use, with interpreters and clear "
                        "letters.</li>"
                        "<li>Listen to people seeking sanctuary when it makes "
                        "decisions.</li>"
                        "<li>Support community groups that offer welcome.</li>"
                        "<li>Report openly on its progress.</li>"
                        "</ul>",
                    ),
                    ("heading", "Our role as the local group"),
                    (
                        "paragraph",
                        "<p>We gave our written endorsement of the council's application, "
                        "and we meet council officers regularly to check progress. We "
                        "also make sure that people with lived experience are part of "
                        "those conversations.</p>",
                    ),
                    (
                        "callout",
                        {
                            "title": "Get involved",
                            "text": "<p>If you have sought sanctuary and want to help "
                            "shape council services, join our lived experience forum. "
                            "Call 020 7946 0456 to find out more.</p>",
                        },
                    ),
                ],
            },
            {
                "slug": "action-plans",
                "title": "Action plans: how Lewisham tracks its commitments",
                "introduction": (
                    "Each council directorate keeps an action plan so that everyone can "
                    "see what is being done, by whom and by when."
                ),
                "body": [
                    (
                        "paragraph",
                        "<p>The council's promises are turned into practical actions. "
                        "Each directorate, such as Housing or Adult Social Care, keeps its "
                        "own action plan in a spreadsheet. Each row is one action.</p>",
                    ),
                    ("heading", "What each row shows"),
                    (
                        "paragraph",
                        "<ul>"
                        "<li><b>Reference</b>: a short code for the action.</li>"
                        "<li><b>Directorate</b>, <b>Division</b> and <b>Service "
                        "area</b>: the part of the council that does the work.</li>"
                        "<li><b>Action</b>: what will be done.</li>"
                        "<li><b>Owner</b>: the job title of the person responsible.</li>"
                        "<li><b>Milestones</b>: the steps along the way.</li>"
                        "<li><b>Status</b>: not started, in progress or complete.</li>"
                        "<li><b>Date added</b> and <b>Date due</b>.</li>"
                        "<li><b>RAG rating</b>, with the date it was set: red, amber or "
                        "green.</li>"
                        "<li><b>Comments</b>, with the date they were written.</li>"
                        "</ul>",
                    ),
                    ("heading", "What the RAG rating means"),
                    (
                        "paragraph",
                        "<p><b>Green</b> means on track. <b>Amber</b> means there is a "
                        "risk of delay. <b>Red</b> means the action is late or stuck and "
                        "needs help from senior managers.</p>",
                    ),
                    ("heading", "Reporting twice a year"),
                    (
                        "paragraph",
                        "<p>Every six months, each owner updates the status, RAG rating "
                        "and comments for their actions. The council shares a summary "
                        "with our group and with the lived experience forum, and we "
                        "talk through anything that is red or amber.</p>",
                    ),
                    (
                        "faq",
                        [
                            {
                                "question": "Can I see the action plans?",
                                "answer": "<p>Yes. A summary of progress is published "
                                "twice a year. Ask us if you would like a copy.</p>",
                            },
                            {
                                "question": "What happens if an action is rated red?",
                                "answer": "<p>The owner explains what is holding it up, "
                                "and senior managers agree what help is needed and a new "
                                "due date.</p>",
                            },
                            {
                                "question": "Can residents suggest new actions?",
                                "answer": "<p>Yes. Suggestions from the lived experience "
                                "forum and residents are added with the date they were "
                                "agreed.</p>",
                            },
                        ],
                    ),
                ],
            },
        ],
    },
]

# ---------------------------------------------------------------------------
# Sample council action plan rows (Lewisham format)
# ---------------------------------------------------------------------------

ACTION_PLAN_ROWS = [
    {
        "reference": "LBS-ASC-01",
        "directorate": "Adult Social Care",
        "division": "Adult Social Care Operations",
        "service_area": "Front door and assessment",
        "action": "Train all front-door staff on the entitlements of people seeking sanctuary.",
        "owner": "Head of Adult Social Care Operations",
        "milestones": (
            "Training designed with lived experience forum by Jun 2025; "
            "all front-door staff trained by Dec 2025"
        ),
        "status": "Complete",
        "date_added": "2025-03-03",
        "date_due": "2025-12-31",
        "rag": "Green",
        "rag_date": "2025-12-12",
        "comments": "All 46 front-door staff trained. Refresher planned for new starters.",
        "comments_date": "2025-12-12",
    },
    {
        "reference": "LBS-ASC-02",
        "directorate": "Adult Social Care",
        "division": "Commissioning",
        "service_area": "Interpreting and translation",
        "action": (
            "Make sure professional interpreters are booked for every assessment where "
            "one is needed."
        ),
        "owner": "Commissioning Manager, Interpreting Services",
        "milestones": "Audit of interpreter use by Sep 2025; new booking guidance by Jan 2026",
        "status": "In progress",
        "date_added": "2025-03-03",
        "date_due": "2026-01-31",
        "rag": "Amber",
        "rag_date": "2025-12-12",
        "comments": "Audit found some family members still interpreting. Guidance in draft.",
        "comments_date": "2025-12-12",
    },
    {
        "reference": "LBS-CYP-01",
        "directorate": "Children and Young People",
        "division": "Education Services",
        "service_area": "School admissions",
        "action": (
            "Offer a school place to newly arrived children within 20 school days of application."
        ),
        "owner": "Head of School Admissions",
        "milestones": (
            "Baseline figures by May 2025; fast-track process agreed with schools by Sep 2025"
        ),
        "status": "In progress",
        "date_added": "2025-03-03",
        "date_due": "2026-03-31",
        "rag": "Green",
        "rag_date": "2025-12-12",
        "comments": "Average time to offer now 16 school days, down from 31.",
        "comments_date": "2025-12-12",
    },
    {
        "reference": "LBS-CYP-02",
        "directorate": "Children and Young People",
        "division": "Children's Social Care",
        "service_area": "Unaccompanied children",
        "action": (
            "Give every unaccompanied child a welcome pack and a named key worker in "
            "their first week."
        ),
        "owner": "Service Manager, Children in Care",
        "milestones": (
            "Welcome pack co-written with young people by Jul 2025; translated into five "
            "languages by Nov 2025"
        ),
        "status": "Complete",
        "date_added": "2025-03-03",
        "date_due": "2025-11-30",
        "rag": "Green",
        "rag_date": "2025-11-28",
        "comments": "Pack in use. Young people asked for an audio version next.",
        "comments_date": "2025-11-28",
    },
    {
        "reference": "LBS-HOU-01",
        "directorate": "Housing",
        "division": "Housing Needs",
        "service_area": "Homelessness prevention",
        "action": (
            "Contact people leaving asylum accommodation after a positive decision before "
            "their move-on date."
        ),
        "owner": "Head of Housing Needs",
        "milestones": (
            "Data-sharing agreement with accommodation provider by Oct 2025; "
            "named move-on officer in post by Jan 2026"
        ),
        "status": "In progress",
        "date_added": "2025-03-03",
        "date_due": "2026-04-30",
        "rag": "Red",
        "rag_date": "2025-12-12",
        "comments": (
            "Data-sharing agreement delayed. Raised with the Director of Housing for help."
        ),
        "comments_date": "2025-12-12",
    },
    {
        "reference": "LBS-HOU-02",
        "directorate": "Housing",
        "division": "Housing Strategy",
        "service_area": "Private rented sector",
        "action": "Publish plain-English guidance for landlords on letting homes to refugees.",
        "owner": "Private Sector Housing Manager",
        "milestones": "Draft by Mar 2026; tested with tenants and landlords by May 2026",
        "status": "Not started",
        "date_added": "2025-09-15",
        "date_due": "2026-06-30",
        "rag": "Amber",
        "rag_date": "2025-12-12",
        "comments": "Start delayed until a project officer is recruited in January.",
        "comments_date": "2025-12-12",
    },
    {
        "reference": "LBS-COM-01",
        "directorate": "Communities",
        "division": "Culture and Community Services",
        "service_area": "Libraries",
        "action": (
            "Let people join the library without proof of address and run a weekly "
            "conversation club at three branches."
        ),
        "owner": "Head of Libraries",
        "milestones": (
            "Membership rules changed by Jun 2025; clubs running at three branches by Oct 2025"
        ),
        "status": "Complete",
        "date_added": "2025-03-03",
        "date_due": "2025-10-31",
        "rag": "Green",
        "rag_date": "2025-10-24",
        "comments": "Clubs running at three branches with about 60 people each week.",
        "comments_date": "2025-10-24",
    },
    {
        "reference": "LBS-COM-02",
        "directorate": "Communities",
        "division": "Community Development",
        "service_area": "Community grants",
        "action": (
            "Set aside part of the small grants fund for groups led by people seeking sanctuary."
        ),
        "owner": "Community Development Manager",
        "milestones": (
            "Criteria agreed with lived experience forum by Feb 2026; first grants "
            "awarded by Jun 2026"
        ),
        "status": "In progress",
        "date_added": "2025-09-15",
        "date_due": "2026-06-30",
        "rag": "Green",
        "rag_date": "2026-01-16",
        "comments": "Forum meeting to agree criteria booked for February.",
        "comments_date": "2026-01-16",
    },
]
