"""Deterministic demo texts used to seed the Said & Done demo database."""

VIEWS: dict[str, tuple[str, ...]] = {
    "education-employment-training": (
        (
            "my PEP meeting got moved 3 times and nobody told me. can i actually be in the room "
            "next time pls"
        ),
        "the college bursary takes ages to come thru, i missed 2 weeks cos i cant afford the bus",
        (
            "Can we get laptops that actually work? the one virtual school gave me is so slow it "
            "crashes on every video lesson"
        ),
        (
            "i want to do an apprenticeship in plumbing but the pay is rubbish and i cant live on "
            "it without help with rent"
        ),
        (
            "why does everyone at school know im in care?? a teacher said it in front of the whole "
            "class"
        ),
        "wifi at my placement goes off at 9 and my homework is all online. not fair",
        (
            "tbh the virtual school ppl are nice but i only see them at PEPs and they dont really "
            "know me"
        ),
        (
            "I'm 19 and starting uni in september. does the council help with rent in the summer "
            "when halls close? I have nowhere to go in july and august"
        ),
        "need help paying for driving lessons, loads of jobs round here want you to drive",
        "where does the pupil premium plus money go?? i never see anything from it",
        "can we have tutoring for maths gcse. i moved schools twice in year 10 and missed loads",
        "got my first job!! stacking shelves but its a start. my PA helped me do my CV",
        (
            "would be good if there was work experience at the council just for care experienced "
            "young ppl"
        ),
        "school keeps putting me in isolation instead of asking whats actually wrong",
        (
            "the bursary form asks for stuff i dont have like my parents income. my carer had to "
            "ring 4 times to sort it"
        ),
        (
            "Please can the council pay for college trips. Everyone in my class went to a museum "
            "in London and I stayed behind because the form wasnt signed in time and the money "
            "wasnt agreed. I sat in the library all day on my own. It's not the first time either, "
            "same thing happened in year 9 with the residential. Sort it out so we can just go "
            "like everyone else"
        ),
        (
            "why does my social worker have to sign a school trip form, my mates parents just sign "
            "it the same day"
        ),
        (
            "im in year 7 and my new school doesnt have my reading books or anything from my old "
            "school"
        ),
        (
            "please make sure exam extra time moves with us when we change schools. i lost mine "
            "and had to start again"
        ),
        (
            "english classes at college are full and i am waiting 4 months. i want to learn and "
            "get a job"
        ),
        (
            "the council should give care leavers a guaranteed interview for council jobs, some "
            "other councils do it"
        ),
        "uni is going ok but the bursary comes in one lump and by march i have nothing left",
        (
            "passed my construction course but i cant get on site without the safety card and the "
            "test costs money"
        ),
        "my foster carer helps me with homework every night. best thing about this placement tbh",
        (
            "can virtual school do revision sessions in the easter hols? libraries are packed and "
            "my placement is loud"
        ),
        (
            "im 17 and my pathway plan says NEET. i hate that word. i just havent found the right "
            "course yet"
        ),
        (
            "since i moved placement its 1 hour 20 each way to school on 2 buses. im knackered "
            "every day"
        ),
        (
            "teachers need training about care. one said 'go home and ask your mum' in front of "
            "everyone lol"
        ),
        (
            "i want to be a youth worker when im older. is there volunteering i can do to get "
            "experience?"
        ),
        (
            "the laptop has so many blocks on it i cant even get on the college website to hand "
            "stuff in"
        ),
        "heard about the apprenticeship bursary from a mate not my PA. why didnt anyone tell me",
        "can we have a careers day just for care leavers with real employers not just leaflets",
        "my school report goes to my social worker but i never get to read it myself",
        "i got excluded for 3 days and nobody from virtual school came to the meeting",
        (
            "Please help with interview clothes. I turned up in trainers cos I didnt have shoes "
            "and I didnt get the job"
        ),
        (
            "im 22 and want to go back to college to do an access course. do i still get help or "
            "am i too old now?"
        ),
        "being taken out of lessons for review meetings is embarrassing. can they be after school",
        "printing at college costs money and i never have credit. small thing but it adds up",
        "I want to do A levels but my social worker thinks I should do a BTEC. do I get to choose?",
        (
            "honestly the PEP meetings are just adults talking about my targets. i'd rather they "
            "asked what i actually want to do. i want to do art and they keep going on about "
            "science because my grades are good. it's my life"
        ),
    ),
    "health-wellbeing": (
        (
            "waited 14 months for CAMHS and then they said im nearly 18 so i go on the adult list "
            "instead. start again??"
        ),
        "cant find a dentist taking nhs patients near my flat. my tooth has been hurting for weeks",
        (
            "my health assessment was just a nurse asking the same questions as last year. whats "
            "the point"
        ),
        "when i moved i wasnt registered with a GP for 3 months. that should happen straight away",
        "can we get free gym membership for care leavers? going to the gym helps my head loads",
        "prescriptions cost too much, i skip my inhaler sometimes to make it last",
        "i want to know my health history. nobody can tell me if i had my jabs when i was a baby",
        "my glasses broke and its been 5 weeks waiting for someone to say they'll pay for new ones",
        "the counsellor at school was really good but she left and nobody replaced her",
        "i dont like that my health assessment gets sent to loads of ppl. who actually reads it?",
        "can we do more sport at the home? we only go swimming once a month",
        "Talking to the same therapist for a year actually helped me. Please dont cut it",
        "the doctor talked to my carer not me. im 15, i can answer questions myself",
        (
            "my sleep has been rubbish since i moved. is there anyone i can talk to that isnt my "
            "social worker"
        ),
        "as a care leaver i get lonely a lot. more meet ups pls, not just at christmas",
        "the sexual health clinic is only open 9 to 5 on weekdays when im at work",
        (
            "doctor appointments have no interpreter. i dont understand what they say and i just "
            "say yes"
        ),
        "food at the home is all beige. could we have more fruit and fresh stuff",
        (
            "i dont like asking my key worker for period products every time. can they just be in "
            "the bathroom"
        ),
        (
            "please tell ppl to stop asking how im feeling every 5 mins. sometimes i just want to "
            "watch tv"
        ),
        "i had to tell my story 6 times to different mental health ppl. it was exhausting",
        (
            "Can my health assessment be at the GP not at school? Everyone saw me go to the "
            "medical room"
        ),
        (
            "I'm 20 and on the adult mental health waiting list. my PA is trying but theres "
            "nothing in the meantime"
        ),
        "really glad the nurse helped me get my asthma sorted. i can do PE properly now",
        (
            "ADHD assessment wait is 2 years. school says i need a diagnosis to get extra help. "
            "make it make sense"
        ),
        "the mindfulness app the council gave us is actually alright ngl",
        (
            "dentist said i need a brace but i moved area and have to go on a new waiting list "
            "from the start"
        ),
        "free swimming for care leavers would be good, some councils already do it",
        "i dont want my carer in the room when i see the nurse",
        "my weight gets written down at every health assessment and i hate it. can i say no?",
        "healthy food costs so much. its cheaper to buy chips than veg",
        "wellbeing drop ins should be in the evening not when we're at school or work",
        (
            "can care leavers get help paying for counselling. nhs wait is too long and private is "
            "£50 a go"
        ),
        "i want to do boxing, it helps me calm down. my pocket money doesnt cover the sessions",
        "my eye test was meant to be last year. nobody booked it",
        "im 12 and i dont get why i have to see a doctor every year when im not even ill",
        "we should get a health passport with all our info in it that we keep when we leave care",
        "hospital letters keep going to my old address. i missed two appointments",
        "the walking group the children in care council set up is good. more stuff like that",
        (
            "i'm 23 and i only found out last year that i have a condition that runs in my family. "
            "nobody passed that on when i was in care even though it was in my file. i think when "
            "you leave care you should get a proper summary of your health, like what jabs you "
            "had, allergies, family stuff, all of it, in plain english. would have saved me a lot "
            "of worry"
        ),
    ),
    "housing": (
        "im 18 next month and still dont know where im living. its scary",
        "my flat has damp in the bedroom and the landlord isnt fixing it. who do i tell",
        (
            "council tax exemption - does it still count if i live with my partner who isnt a care "
            "leaver?"
        ),
        "supported lodgings was good for me, my host taught me how to cook and budget",
        "my semi independent place has no lock on my bedroom door. ppl take my stuff",
        "can staying put go to 25 not 21? im at uni and my carers want me to stay",
        "leaving care grant isnt enough for a whole flat. a fridge and a bed used most of it",
        (
            "why do we have to bid for council flats like everyone else? we're care leavers, the "
            "council is meant to be our parent"
        ),
        "the hostel has a curfew at 10 but i finish work at 11. what am i meant to do",
        "i got moved into a flat with no carpets or curtains. the first night was horrible",
        "need help understanding my tenancy agreement. i signed it and didnt get half of it",
        "the housing bit of universal credit doesnt cover my rent. i top it up from my food money",
        "i want to live near my sister but the flat they offered is 40 mins away on the bus",
        (
            "please can the council be guarantor for care leavers renting privately. every agent "
            "asks for one"
        ),
        "my semi indie only has a key worker 10 hours a week. thats not enough when youre 16",
        "staying put means my carer gets less money. they said they might not be able to afford it",
        "can we view flats before we say yes? i said yes to one i never saw",
        "I got my own flat last month!! its small but its mine. thank you to my PA",
        "the washing machine in the shared house has been broken for 3 weeks",
        "gas and electric bills are so confusing. i got a letter saying i owe £400",
        "we need a deposit scheme for care leavers pls. i cant save up £1000",
        "my flat is on the top floor and the lift is always broken",
        "16 and 17 year olds shouldnt be put in hostels with adults",
        "im scared of being evicted because i missed rent once when my UC was late",
        "more supported lodgings hosts in town please, most of them are miles out of area",
        "council tax exemption till 25 is great but i had to phone 3 times to get it sorted",
        "please make moving to independence gradual, like a practice flat first",
        "my housing officer and my PA dont talk to each other so i end up passing messages",
        (
            "Is there any help with furniture if I have to move again? I used all my grant the "
            "first time"
        ),
        "im 24 and my leaving care support stops next year. what happens with my housing then",
        (
            "the front door at my semi independent place doesnt lock properly. been like that for "
            "weeks"
        ),
        "wifi isnt included in my flat and i cant get a contract cos i have no credit history",
        "mould and mice in my flat. been reported twice, nothing",
        "why cant I pick which area I live in? my friends and my job are here",
        "the shared kitchen in the supported house is always dirty. we need a cleaning rota",
        "heating is on a meter. i put £20 on and it lasts 4 days in winter",
        "when i turn 18 do i lose my room at my foster carers?",
        (
            "i am turning 18 and my asylum case is not finished. they say i might have to move. i "
            "am worried"
        ),
        "can we get a starter pack on move in day. pans, bedding, toilet roll, basic stuff",
        (
            "the housing options meeting was full of jargon. what does local connection even mean? "
            "and what is band C? i nodded along but i didnt understand any of it. someone should "
            "explain it properly before the meeting, not in it, and write it down so i can read it "
            "again after"
        ),
    ),
    "independence-resilience": (
        (
            "i need my birth certificate to open a bank account but social care has it and wont "
            "give it me"
        ),
        "can we do cooking lessons before we move out. i can make pasta and thats it",
        "my pathway plan was written without me. theres stuff in it i never said",
        "nobody told me i had a junior ISA until i was 18. i didnt even know what it was",
        "my PA changed 3 times this year. every time i have to start again",
        "the budgeting workshop was actually useful. learned what direct debits are",
        "i want a provisional driving licence but it costs money and needs ID i dont have",
        "teach us how to fill in forms like UC and council tax, its well confusing",
        "id like to know what the local offer for care leavers says without reading 30 pages",
        "can i have my passport. im 17 and want to go on holiday with my mates when im 18",
        "my pocket money goes into savings but i dont know how much i have",
        "how do i get a national insurance number? my new job needs it",
        "im 16 and would like to learn how to use a washing machine properly lol",
        "cost of living is brutal. im 21 and skipping meals at the end of the month",
        "can PAs text instead of phoning, i dont pick up unknown numbers",
        "my PA is class. always answers and helped me sort my debt out",
        "i want to be in charge of my own money at 17 so i can practise before i leave",
        "setting up gas and electric took ages because i have no credit history",
        "please explain what a pathway plan is in normal words",
        "at 21 i got told my PA support ends unless i ask for it. i didnt know i had to ask",
        (
            "a care leavers hub where we can drop in, use the wifi, get food and meet other care "
            "leavers would really help"
        ),
        "the shopping on a budget lesson should be in a real shop not a classroom",
        "i need a bank account but i dont have proof of address cos ive moved so much",
        "my savings from being in care got spent on a bike i never asked for",
        "the setting up home allowance list of what we can buy is too strict",
        "it would be good to have mentors who were in care themselves",
        (
            "I want to learn to cook halal food for myself. the cooking group only does pork "
            "sausages and stuff"
        ),
        "my immigration solicitor does not reply to me. i dont know what is happening with my case",
        "im 19 and want to learn to drive. can the leaving care grant pay for lessons",
        "how do i register to vote? nobody ever told me",
        "got in debt with a phone contract, i didnt understand the terms when i signed",
        "can the council pay the tv licence for care leavers. its loads of money for one thing",
        "I moved out at 18 and it was too fast. it should be done in steps",
        "the practice flat at the childrens home was really good, id recommend it for everyone",
        "my PA helped me get my provisional and a bank card. took a month but done",
        "the independent living skills checklist feels like a test. i hate being ticked off",
        "where can i get a copy of my care file? i want to know about when i was little",
        "care leavers should get free bus travel till 25 not just till 21",
        (
            "im 24 and i still need someone to ask about adult stuff sometimes, like when a letter "
            "comes that i dont understand or i need to know if a job contract is fair. please dont "
            "just cut us off at 25. normal families dont stop helping their kids at 25"
        ),
        (
            "Things I wish someone told me before I moved out: how to read a gas meter, that you "
            "need contents insurance, that you have to tell the council when you move in, how to "
            "budget weekly not monthly, and that its ok to ask for help. Could this be a little "
            "booklet or a page in the app for people about to leave care?"
        ),
    ),
    "home-placements": (
        (
            "i got moved placement with 2 hours notice. didnt even get to say bye to my friends at "
            "school"
        ),
        (
            "i only see my brother once a month for an hour in a contact centre. we want to go to "
            "the park"
        ),
        "my social worker has changed 5 times in 2 years. i dont bother telling them stuff anymore",
        "the home takes our phones at 10pm. im 16, can it be later at weekends",
        "my foster carers are amazing, they treat me like one of their own",
        (
            "pocket money at my placement is way less than my mate gets at another home. why is it "
            "different"
        ),
        "the home rules say no friends round. im nearly 17",
        "can we have a say in who our foster carers are?",
        (
            "why do my mates parents need a police check for me to have a sleepover? my friends "
            "think its weird"
        ),
        "my independent visitor is the best, we go bowling every month",
        "my key worker left and nobody told me, i just found out when she didnt come in",
        "respite every other weekend makes me feel like they need a break from me",
        "wifi in the home blocks youtube but i use it for revision",
        "my foster carers have loads of rules about food. i cant just get a snack when im hungry",
        "my bedroom at the home doesnt feel like mine. can we decorate",
        "i want to see my little sister who got adopted. letterbox contact once a year isnt enough",
        "my social worker visits me at school in front of everyone",
        "i didnt know i could have an advocate till i was 15",
        "reviews with loads of adults talking about me make me nervous. can they be smaller",
        "my IRO is sound, she actually listens and does what she says",
        "staff at the childrens home change all the time. agency staff dont know us",
        "i want to stay at my placement, please dont move me again",
        "can i have a key to my foster home? im 15 and have to wait outside if no ones in",
        "my stuff got moved in bin bags. please use proper bags or suitcases",
        "im 12 and i dont like being the only young one at the home",
        "can we have a pet at the home",
        "contact with my mum is on a weekday so i miss school for it",
        "when my social worker is off sick nobody picks up the phone",
        "the food at my placement is not halal. my carer is kind but she does not know what to buy",
        "my age assessment took months and i had to stay in a hotel. it was very hard",
        "the children in care council got the pocket money rules changed. proud of that",
        "i want to be asked before they tell my school things about me",
        "the home has cameras in the hallway and it feels like a prison",
        "my foster carers own kids get more presents than me at christmas",
        "can we have a weekly video call with siblings who live far away",
        "when i want to stay at my nans i need permission from loads of ppl. shes family??",
        "being called LAC in meetings. im not lacking anything",
        "staff at the home took us on holiday to the seaside which was class. more trips pls",
        "i always get told about decisions after theyre already made",
        (
            "please give us a welcome pack when we arrive at a new placement. like the house "
            "rules, the wifi password, what time dinner is, who to ask for stuff, and a photo of "
            "everyone who lives there. when i arrived at my last one i didnt know if i was allowed "
            "to use the kitchen or the shower and i was too scared to ask for 2 days"
        ),
    ),
    "something-else": (
        "this app is good but can it send me a notification when someone replies",
        "can we get free tickets to football matches? the club near us gives some away",
        "summer holidays are so boring, nothing to do and no money to do it",
        "the children in care council pizza night was great, more of them please",
        "can this app be in other languages? my english is not so good yet",
        "i want to learn guitar. can the council pay for lessons",
        "birthday money from the council is the same as when i was 10. everything costs more now",
        "would love a care leavers football team, 5 a side even",
        "i want to go abroad with my foster family but getting a passport takes forever",
        "please stop calling it contact, just say seeing my family",
        "can we have a celebration event for care leavers who passed exams or courses",
        "the library card is free but the ID they want is hard for us to get",
        "i like that this is anonymous. i can say stuff i wouldnt say in my review",
        "cinema discount for care leavers would be nice",
        "my mate in another council gets a christmas hamper as a care leaver. we dont get anything",
        "drama club at the youth centre is the best bit of my week",
        "the council website about care is impossible to find anything on",
        (
            "my school camping trip needs loads of kit. boots, sleeping bag, all of it. can the "
            "council help"
        ),
        (
            "Can there be something for care leavers who are parents? I have a baby and feel left "
            "out of events"
        ),
        "the app should have a dark mode lol",
        "can we have more trips in half term like theme parks or ice skating",
        "i want to meet the councillors who make decisions about us. they should come to us",
        "youth club closes at 8, where else are we meant to go",
        "please can there be wifi at the contact centre, theres nothing to do while we wait",
        "i want to go to the children in care council but its in the day when im at college",
        "the you said we did posters in the office are good, i didnt know stuff actually changed",
        "i dont understand what a corporate parent is. who is my parent then",
        "my religion is important to me. can someone help me get to the mosque on fridays",
        "horse riding was the best thing i did this year. thank you!!",
        "care day celebration should be way bigger, its only once a year",
        "my phone data runs out halfway through the month. can the council top it up",
        "can social workers have a profile with a photo so we know whos coming",
        "just wanted to say thanks to the participation team, you actually came back to me",
        "can we make a film about being in care to train new social workers",
        "i want to join the cadets but the form needs a parent to sign it",
        "the app asked for my age and it felt a bit nosy. why do you need it",
        "more stuff for lgbt young people in care please",
        "gaming nights at the hub would get way more ppl to come",
        "can you make the writing bigger on this, i have bad eyes",
        (
            "i think there should be a proper event where young people in care and care leavers "
            "can meet the people in charge, not in a boring meeting room but like a fun day with "
            "food and music, and we can tell them what we think face to face. the last one was "
            "ages ago and most people didnt even hear about it"
        ),
    ),
}

RESPONSES: dict[str, tuple[str, ...]] = {
    "education-employment-training": (
        (
            "Thank you for telling us. Your PEP meeting is the meeting about how school is going. "
            "Now the school must tell you the date two weeks before. You can be in the room for "
            "all of it."
        ),
        (
            "You said the college bursary money came too late. Now we pay your first bus money on "
            "your first day of college. We will ask new students in November if this worked."
        ),
        (
            "You said your laptops were too slow. We have bought 60 new laptops. Your social "
            "worker will bring you yours before the end of term."
        ),
        (
            "You asked for help with maths. We are paying for a tutor for anyone in care taking "
            "maths exams this year. Tell your carer or teacher if you want one. Lessons start "
            "after half term."
        ),
        (
            "You said a teacher talked about you being in care in front of your class. That should "
            "not happen. All our schools have had new training on keeping things private. We will "
            "check again in the spring."
        ),
        (
            "You asked for jobs at the council. We now keep 10 training jobs each year for young "
            "people who are or were in care. The next ones open in March. Your leaving care worker "
            "can help you apply."
        ),
        (
            "You asked for help with interview clothes. We could not give everyone money this "
            "year. Instead we have set up a free clothes rail at the hub, with smart shoes, shirts "
            "and bags. You can take what you need."
        ),
        (
            "You said school meetings took you out of lessons. Schools will now try to hold "
            "meetings after school. If they cannot, they will ask you which lesson you would "
            "rather miss."
        ),
    ),
    "health-wellbeing": (
        (
            "You told us you waited too long to get help with your feelings. That is not good "
            "enough. We have paid for two extra workers just for young people in care. Waits "
            "should be shorter from January. We will tell you the new wait times in the spring."
        ),
        (
            "You said it was hard to find a dentist. Two dentists in town have agreed to see young "
            "people in care and care leavers. Ask your carer or leaving care worker to book for "
            "you."
        ),
        (
            "You said you did not want your carer in the room at your health check. Now you choose "
            "who comes in with you. The nurse will ask you first, on your own."
        ),
        (
            "You asked for free gym passes. From April, care leavers up to age 25 can use council "
            "gyms and pools for free. Show your care leaver card at the desk."
        ),
        (
            "You said your health check asked the same questions every year. The nurses have made "
            "a shorter form. You can also pick what you want to talk about first. We will ask what "
            "you think next year."
        ),
        (
            "You said hospital letters went to your old home. Now your social worker changes your "
            "address on the same day you move. You do not need to do it yourself."
        ),
        (
            "You asked for someone to talk to who is not your social worker. We have started a "
            "drop-in at the youth hub on Thursdays from 5pm to 7pm. A friendly worker is there. "
            "You do not need to book."
        ),
        (
            "You asked us to pay for private counselling. We cannot do this for everyone, because "
            "there is not enough money. But we can pay for a few sessions while you wait for the "
            "free service. Ask your leaving care worker about it."
        ),
    ),
    "housing": (
        (
            "You said you did not know where you would live at 18. Now we start planning your home "
            "with you at 16 and a half. You will know your plan at least 6 months before your 18th "
            "birthday."
        ),
        (
            "You asked for a starter pack. Now every care leaver moving into a flat gets pans, "
            "bedding, towels, a kettle and cleaning things on the day. This does not come out of "
            "your grant."
        ),
        (
            "You said you had to phone many times about council tax. We have fixed this. Your "
            "leaving care worker now tells the council tax team for you. You should not get a bill "
            "until you are 25."
        ),
        (
            "You asked if you could stay with your foster carers after 21. We cannot promise this "
            "for everyone, because the money we get stops at 21. But we will look at each person "
            "on their own. Talk to your leaving care worker if you want to stay."
        ),
        (
            "You asked the council to back you when you rent from a private landlord. We said yes. "
            "If a landlord wants someone to promise your rent will be paid, we will do it. Ask "
            "your leaving care worker for the letter."
        ),
        (
            "You told us about damp and mould in your flat. The housing team will visit this week. "
            "They will fix it within 4 weeks. If it is not fixed by then, tell us and we will "
            "chase it."
        ),
        (
            "You said you wanted to see a flat before saying yes. Now you can always visit first. "
            "If the flat is not right for you, you can say so. Then we will talk about other "
            "choices."
        ),
        (
            "You said 16 and 17 year olds should not live in hostels with adults. We agree. We "
            "have stopped using those hostels for anyone under 18. Instead we are finding more "
            "families who can give you your own room in their home."
        ),
    ),
    "independence-resilience": (
        (
            "You said it was hard to get your birth certificate and passport. Now every young "
            "person gets them by their 17th birthday, and we pay. Ask your social worker if you do "
            "not have yours yet."
        ),
        (
            "You asked for cooking lessons before you move out. We have started a cooking club on "
            "Tuesday nights. You cook a meal, eat it, and take the recipe home. We added halal "
            "meals too, because you asked."
        ),
        (
            "You said your pathway plan was written without you. That is wrong. Your pathway plan "
            "is your plan for the future, so you should help write it. Workers must now write it "
            "with you, and you sign it."
        ),
        (
            "You said your leaving care worker changed too many times. We have taken on three more "
            "workers. Now each worker has fewer young people. You will keep the same worker unless "
            "you ask to change."
        ),
        (
            "You said you did not know about your savings. Now your social worker will show you "
            "how much you have at every review. When you turn 18, we will help you get the money "
            "out."
        ),
        (
            "You asked for free bus travel until 25. The bus company said yes up to age 21. We are "
            "still asking them about ages 21 to 25. We will tell you what they say by the summer."
        ),
        (
            "You asked for a place to drop in. The care leavers hub is now open on Monday and "
            "Wednesday afternoons. There is free wifi, food, and a worker to help with forms."
        ),
        (
            "You said nobody told you that help carries on after 21. It does, up to age 25. We "
            "have put this on your care leaver card so you always know. Just tell us if you still "
            "want help."
        ),
    ),
    "home-placements": (
        (
            "You told us you were moved with hardly any warning. We are sorry. Now, unless it is "
            "an emergency, you will be told at least one week before a move. You will get time to "
            "say goodbye."
        ),
        (
            "You asked to see your brothers and sisters more. Where it is safe, visits can now "
            "happen in parks, cafes or at home, not only at the family centre. Your social worker "
            "will talk to you about what you would like."
        ),
        (
            "You said your things were moved in bin bags. This will not happen again. Every young "
            "person who moves now gets a suitcase and bags to keep."
        ),
        (
            "You asked for later phone times at weekends. The children's homes have agreed. At "
            "weekends, if you are 14 or older, you can keep your phone until 11pm."
        ),
        (
            "You said pocket money was different in different homes. We have set one amount for "
            "everyone of the same age. It starts next month. You can see the amounts on the poster "
            "in your home."
        ),
        (
            "You said you did not know you could have an advocate. An advocate is a person who "
            "helps you say what you want. Now your social worker must tell you about this at every "
            "review."
        ),
        (
            "You said sleepovers with friends took too long to agree. Your carer can now say yes "
            "on the day. Your friend's parents do not need a police check."
        ),
        (
            "You asked for pets in children's homes. We cannot have pets in every home, because "
            "some young people are allergic. Two homes are trying out fish tanks. We will ask you "
            "how it goes in the summer."
        ),
    ),
    "something-else": (
        (
            "You asked for a message when we reply. We have added this to the app. Now you get a "
            "message when there is news about what you said."
        ),
        (
            "You asked for free football tickets. The local club has given us 20 tickets for every "
            "home game. Ask your carer or leaving care worker to book them for you."
        ),
        (
            "You said the summer holidays were boring. This summer we will run a free trip every "
            "week, like climbing, the beach and a theme park. We will pay for travel too."
        ),
        (
            "You asked for the app in other languages. We are adding Arabic, Pashto, Tigrinya and "
            "Kurdish first. We hope they will be ready by the spring."
        ),
        (
            "You asked for a party for exams. We held one for everyone who passed exams or "
            "finished a course. Over 40 people came. We will do it every year now."
        ),
        (
            "You asked to meet the councillors who make choices about your care. They are coming "
            "to the next Children in Care Council meeting. You can ask them anything."
        ),
        (
            "You asked for a dark mode in the app. We have not done this yet, because we are "
            "fixing other things first. It is on our list. We will tell you when it is ready."
        ),
        (
            "You asked for bigger writing in the app. You can now make the writing bigger in "
            "settings. Tap the cog at the top of the page."
        ),
    ),
}

NICKNAMES: tuple[str, ...] = (
    "SkyRunner",
    "pixel_fox",
    "NightOwl99",
    "CosmicWaffle",
    "MoonBiscuit",
    "thunder_toast",
    "GalaxyGecko",
    "NeonPenguin",
    "quiet_storm",
    "RocketNoodle",
    "LavaLlama",
    "sneaky_panda",
    "StarDust07",
    "CloudSurfer",
    "mango_rebel",
    "FrostByte",
    "echo_wolf",
    "TurboSnail",
    "velvet_comet",
    "BlueJellybean",
    "captain_crumpet",
    "ZigZagZebra",
    "paper_dragon",
    "GlitchKid",
    "SunnyPotato",
    "orbit_owl",
    "MidnightMango",
    "StormChaser22",
    "bubble_ninja",
    "KiwiComet",
)

OFFICER_NOTES: tuple[str, ...] = (
    "Raised at corporate parenting board. Awaiting decision.",
    "Sent to virtual school head. Reply due in 10 working days.",
    "Grouped with 3 similar views under bus passes.",
    "Repair booked by housing. Check with young person after visit.",
    "No budget agreed this year. Revisit at Q2 review.",
    "Discussed at CiCC. Members want this prioritised.",
    "Chased commissioning re pocket money policy. No reply yet.",
    "Response drafted. Needs manager sign-off before publishing.",
    "Out of participation scope. Referred to leaving care service.",
    "Closed. Change live since 1 September. Monitor at next survey.",
)
