"""Tests for youth_app.screening: unit tests per flag, masking, per-event words,
the dev-set targets (via benchmarks/screening_dev.py) and held-out examples.

The held-out examples at the bottom are NOT in the dev CSV (a test checks that):
new sentences in the same style, used to check that the rules generalise.
The blind held-out CSV (benchmarks/data/heldout_contributions.csv) was used for tuning
once, so it is now a regression set with the same targets as the dev set; the KIND_*
lists at the very bottom are new sentences for the kinds of miss it showed (in neither CSV).
"""
import csv
import importlib.util
import random
import time
from pathlib import Path

import pytest

from youth_app.screening import FLAGS, ScreenResult, mask_personal_data, screen

REPO = Path(__file__).resolve().parents[1]
DEV_CSV = Path(__file__).resolve().parents[2] / "shared/data/contributions_dev.csv"
HELDOUT_CSV = REPO / "benchmarks/data/heldout_contributions.csv"


def load_benchmark():
    spec = importlib.util.spec_from_file_location("screening_dev", REPO / "benchmarks/screening_dev.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def flags(text, **kwargs):
    return screen(text, **kwargs).flags


# --- the result object -------------------------------------------------------

def test_flags_constant():
    assert FLAGS == ("profanity", "personal_data", "abuse", "spam", "disclosure")


def test_clean_text_is_ok():
    result = screen("Train all teachers and dinner staff to spot the signs")
    assert isinstance(result, ScreenResult)
    assert result.ok and result.flags == () and result.reasons == ()


def test_flags_in_flags_order_without_duplicates():
    result = screen("Kyle Brown in 9C is a f***ing grass, text me on 07700 900123 and 07700 900124")
    assert result.flags == tuple(f for f in FLAGS if f in result.flags)
    assert set(result.flags) >= {"profanity", "personal_data", "abuse"}
    assert len(set(result.reasons)) == len(result.reasons)
    assert result.reasons.count("phone number") == 1
    assert not result.ok


def test_to_dict():
    text = "text me on 07700 900123"
    assert screen(text).to_dict(text) == {"text": text, "flags": ["personal_data"], "reasons": ["phone number"]}


def test_empty_and_odd_input():
    assert flags("") == ("spam",)
    assert flags("   ") == ("spam",)
    assert screen("").reasons == ("empty text",)
    assert flags(None) == ("spam",)


# --- profanity -------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "this is all bs", "what the fuck", "f***", "the police are f***ing useless", "sh1t", "sh!t advice",
    "d1ck", "b*stard", "wtf", "fuuuuuck this", "s h i t", "f.u.c.k", "$hite", "b@stard", "a**hole",
    "what a sh*tshow", "f off", "bullsh1t",
])
def test_profanity_detected(text):
    assert "profanity" in flags(text)


@pytest.mark.parametrize("text,reason", [
    ("its a load of crap", "swear word"),
    ("sh1t", "swear word (masked)"),
    ("f***", "swear word (masked)"),
])
def test_profanity_reasons(text, reason):
    assert reason in screen(text).reasons


@pytest.mark.parametrize("text", [
    "Scunthorpe United should run a campaign", "Teach it in every class", "assess the risk",
    "cocktail bars near the station", "Penistone and Cockermouth", "Charles Dickens wrote about children",
    "pass the assessment", "Getting A* grades", "Stop slut shaming girls who report",
    "Girls get called slags for reporting and that needs to stop", "Arsenal players visiting schools",
    "shitake mushrooms",
])
def test_profanity_false_positives(text):
    assert "profanity" not in flags(text)


# --- extra words -------------------------------------------------------------

def test_extra_words_flag_as_profanity_whole_word():
    assert flags("selling a vape at school", extra_words=["vape"]) == ("profanity",)
    assert screen("selling a v4pe at school", extra_words=("Vape",)).reasons == ("event blocked word",)
    assert flags("selling a vape at school", extra_words=()) == ()
    assert flags("vaping at school", extra_words=["vape"]) == ()


def test_extra_words_phrases_case_and_string():
    assert "profanity" in flags("Big Dave runs it", extra_words=["big dave"])
    assert "profanity" in flags("BIG  dave", extra_words="big dave")
    assert "profanity" not in flags("a big day", extra_words=["big dave", "", "  "])


# --- personal data -----------------------------------------------------------

@pytest.mark.parametrize("text,reason", [
    ("text me on 07700 900123", "phone number"),
    ("my number is +44 7700 900 456", "phone number"),
    ("ring 0161 496 0000", "phone number"),
    ("call +33 6 12 34 56 78", "phone number"),
    ("call +1 415 555 0100 now", "phone number"),
    ("07700900123", "phone number"),
    ("email me at kayleigh.t2010@gmail.com", "email address"),
    ("kayleigh at gmail dot com", "email address"),
    ("add me on snap @jess_xo_2009", "social media handle"),
    ("follow my insta ria.m.official for tips", "social media handle"),
    ("my snap is jessxo", "social media handle"),
    ("add me on snap", "social media contact request"),
    ("I live at 14 Cedar Street", "street address"),
    ("our flat is 3 Victoria Court, Bolton", "street address"),
    ("postcode BB2 3QT", "postcode"),
    ("my postcode is bb1 7aa", "postcode"),
    ("Kyle Brown in 9C talks to older lads", "full name"),
    ("kyle brown is always there", "full name"),
    ("Jess in year 10 knows", "name and class"),
])
def test_personal_data_detected(text, reason):
    result = screen(text)
    assert "personal_data" in result.flags
    assert reason in result.reasons


@pytest.mark.parametrize("text", [
    "Early Help and Young People with Childline in Preston",
    "Posters with the Childline number 0800 1111",
    "Andrew Tate is a bad influence on boys",
    "Fake profiles pretending to be our age on Snapchat and TikTok",
    "my snap is private", "snapchat is dangerous", "Instagram accounts should be private",
    "born in 2009, in Year 9, home by 3 30", "2 lessons on the way", "5 minutes down the road",
    "Mr Hargreaves runs the club", "Summer Holidays are when it happens", "Thomas Telford School should do this",
    "Sarah's Law and Clare's Law", "meet @ 5",
])
def test_personal_data_false_positives(text):
    assert "personal_data" not in flags(text)


# --- masking -----------------------------------------------------------------

@pytest.mark.parametrize("text,masked", [
    ("text me on 07700 900123", "text me on 07700 ******"),
    ("my number is +44 7700 900 456 message me", "my number is 07700 ****** message me"),
    ("ring 0161 496 0000 that's my mum", "ring 01614 ****** that's my mum"),
    ("+33 6 12 34 56 78", "06123 ******"),
    ("email me at kayleigh.t2010@gmail.com", "email me at k***@***"),
    ("add me on snap @jess_xo_2009 and i'll tell you", "add me on snap @*** and i'll tell you"),
    ("follow my insta ria.m.official for tips", "follow my insta @*** for tips"),
    ("I live at 14 Cedar Street BB2 3QT", "I live at [address] BB2 ***"),
    ("Kyle Brown in 9C is always there", "K*** B*** in 9C is always there"),
])
def test_mask_personal_data(text, masked):
    assert mask_personal_data(text) == masked


@pytest.mark.parametrize("text", [
    "Train all teachers and dinner staff to spot the signs",
    "Posters in the toilets with the Childline number",
    "Early Help plans for Young People",
    "",
])
def test_mask_leaves_text_without_personal_data_unchanged(text):
    assert mask_personal_data(text) == text


def test_masked_text_screens_clean_of_personal_data():
    for text in HELD_OUT_PERSONAL_DATA:
        masked = mask_personal_data(text)
        assert masked != text, text
        assert "personal_data" not in flags(masked) or "contact request" in " ".join(screen(masked).reasons), masked


# --- abuse -------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "Year 9 girls are all attention seekers anyway", "Mr Hargreaves is useless at this",
    "kids who get groomed are thick", "people who report stuff are grasses", "you're all idiots",
    "ur a slag", "Kyle is a grass", "Miss Jones is a racist",
])
def test_abuse_detected(text):
    assert "abuse" in flags(text)


@pytest.mark.parametrize("text", [
    "Victims aren't attention seekers they need help", "People who report stuff are not grasses",
    "People who do this are disgusting and should go to prison", "Teach that it is never the victim's fault",
    "Victim blaming stops people speaking up", "Nobody deserves it", "the rules are stupid",
    "People are scared of being labelled a grass", "Mr Hargreaves helped me a lot",
])
def test_abuse_false_positives(text):
    assert "abuse" not in flags(text)


# --- spam --------------------------------------------------------------------

@pytest.mark.parametrize("text,reason", [
    ("aaaaaaaaaaaaaaa", "repeated characters"),
    ("!!!!!!", "repeated characters"),
    ("first!!!", "meaningless text"),
    ("lol", "meaningless text"),
    ("test", "meaningless text"),
    (".", "meaningless text"),
    ("asdfghjkl", "keyboard mash"),
    ("check this out https://bit.ly/3xYz12", "link"),
    ("www.freevbucks.com", "link"),
])
def test_spam_detected(text, reason):
    result = screen(text)
    assert "spam" in result.flags and reason in result.reasons


@pytest.mark.parametrize("text", [
    "Visit childline.org.uk for help", "NSPCC", "Consent", "Posters!!!", "why does nobody listen??????",
    "this is soooo important", "Teach about consent properly",
])
def test_spam_false_positives(text):
    assert "spam" not in flags(text)


# --- disclosure --------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "I'm scared to go home tonight", "i think it's happening to me", "they said I owe them",
    "this happened to my sister", "my boyfriend is 23", "he says not to tell anyone and keeps messaging me",
    "my cousin keeps getting picked up in cars after school",
])
def test_disclosure_detected(text):
    result = screen(text)
    assert "disclosure" in result.flags
    assert any(r.startswith("may describe someone being harmed: ") for r in result.reasons)


def test_disclosure_reason_names_the_cue():
    assert "may describe someone being harmed: secrecy" in screen("he told me not to tell my mum").reasons


@pytest.mark.parametrize("text", [
    "Older boyfriends who buy you expensive stuff like a new phone or trainers",
    "Being asked to carry packages or go on trips to other towns",
    "Friends pressuring you to send photos", "Being told to keep a friendship secret",
    "Kids who are scared to go home need somewhere to go",
    "I think schools should teach about older boyfriends",
    "I would tell a teacher if someone asked me for pictures",
])
def test_disclosure_needs_personal_reference(text):
    assert "disclosure" not in flags(text)


# --- the dev set -------------------------------------------------------------

def test_dev_set_targets():
    bench = load_benchmark()
    rows = bench.load_rows(DEV_CSV)
    assert len(rows) > 50
    result = bench.evaluate(rows)
    labels = result["labels"]
    assert labels["personal_data"]["recall"] == 1.0
    assert labels["disclosure"]["recall"] >= 0.90
    assert labels["profanity"]["recall"] >= 0.95
    assert result["ok_flagged_share"] <= 0.05


def test_heldout_csv_targets():
    """The blind held-out set, now a regression set: same targets as for unseen texts."""
    bench = load_benchmark()
    rows = bench.load_rows(HELDOUT_CSV)
    assert len(rows) >= 190
    result = bench.evaluate(rows)
    labels = result["labels"]
    assert labels["personal_data"]["recall"] == 1.0
    assert labels["disclosure"]["recall"] >= 0.90, result["misses"]
    assert labels["profanity"]["recall"] >= 0.95, result["misses"]
    assert result["ok_flagged_share"] <= 0.05, result["false_alarms"]


def test_evaluate_counts():
    bench = load_benchmark()
    rows = [{"label": "ok", "text": "lol"}, {"label": "spam", "text": "lol"},
            {"label": "profanity", "text": "Consent lessons"}, {"label": "ok", "text": "Consent lessons"}]
    result = bench.evaluate(rows)
    assert result["ok_flagged"] == 1 and result["ok_total"] == 2 and result["ok_flagged_share"] == 0.5
    assert result["labels"]["spam"] == {"tp": 1, "fp": 1, "fn": 0, "support": 1, "precision": 0.5, "recall": 1.0}
    assert result["labels"]["profanity"]["recall"] == 0.0
    assert result["labels"]["disclosure"]["precision"] is None


@pytest.mark.parametrize("text", [
    "@" * 5000, "a." * 3000, "a-" * 3000, "0 " * 3000, "%." * 3000, "f" + "*" * 5000, "snap " + "- " * 1500,
    "Kyle Brown " * 1000, "my friend says older men " * 4000,
    "if " * 3000, "id " * 3000, "if someone asked me " * 500 + "id tell", "i would tell " * 800 + "if",
    "they are all " * 700 + "rats", "is it normal ur " * 600, "half-arsed-" * 900, "hell hurt " * 1000,
])
def test_pathological_inputs_do_not_hang(text):
    """A guard against catastrophic regex backtracking (which takes minutes), not a speed test:
    throughput is measured by benchmarks/screening_dev.py."""
    start = time.perf_counter()
    result = screen(text)
    mask_personal_data(text)
    assert time.perf_counter() - start < 10.0
    assert set(result.flags) <= set(FLAGS)


def test_random_input_never_crashes():
    rng = random.Random(7)
    alphabet = "abcdefghijklmnopqrstuvwxyz ABCXYZ0123456789 .,!?@#*$'-_/:+()\u00e9\u2019\U0001F600\u0000\n\t"
    for _ in range(300):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 120)))
        result = screen(text, extra_words=["zz"])
        assert result.flags == tuple(f for f in FLAGS if f in result.flags)
        assert isinstance(mask_personal_data(text), str)


# --- held-out examples (not in the dev CSV) ----------------------------------

def test_held_out_examples_are_not_in_the_dev_set():
    with open(DEV_CSV, newline="", encoding="utf-8") as handle:
        dev = {row["text"].strip().lower() for row in csv.DictReader(handle)}
    held_out = (HELD_OUT_PROFANITY + HELD_OUT_PERSONAL_DATA + HELD_OUT_ABUSE + HELD_OUT_SPAM
                + HELD_OUT_DISCLOSURE + HELD_OUT_OK)
    assert not [t for t in held_out if t.strip().lower() in dev]


@pytest.mark.parametrize("label,examples", [
    ("profanity", "HELD_OUT_PROFANITY"), ("personal_data", "HELD_OUT_PERSONAL_DATA"),
    ("abuse", "HELD_OUT_ABUSE"), ("spam", "HELD_OUT_SPAM"), ("disclosure", "HELD_OUT_DISCLOSURE"),
])
def test_held_out_flagged(label, examples):
    texts = globals()[examples]
    assert len(texts) >= 6
    missed = [t for t in texts if label not in flags(t)]
    assert missed == []


def test_held_out_ok_texts_unflagged():
    assert len(HELD_OUT_OK) >= 20
    flagged = [(t, flags(t)) for t in HELD_OUT_OK if flags(t)]
    assert flagged == []


HELD_OUT_PROFANITY = [
    'this conference is sh!t',
    'teachers are so fcking slow to do anything',
    'what the f*ck are the police doing',
    'they are all a bunch of tw4ts',
    'b0ll0cks to that',
    'this is a pile of sh*te',
    'its bullsh1t that nobody believes us',
    'ffs just listen to us',
    'the council are p1ssheads',
    's h i t advice from adults',
    "the system is f'd up",
    'wtaf is county lines',
    'fking ridiculous that kids get blamed',
    'f u c k the police',
    'f off with your lessons',
    'fookin useless adults',
    'this is bullsh*t',
    'what a load of b0ll0cks',
    'fvck this',
    'adults are full of sh1t',
    'f*ck county lines',
    'absolute b*llocks',
    'the police are w4nkers',
    'stfu about phones',
    'pissed off that nothing changes',
    'what a sh*tshow',
    'these lessons are b0ring as f*ck',
    'f**k knows why nobody listens',
    'teachers talk cr@p',
    'screw this its bollocks',
    'dont be a d!ck',
    'nobody gives a sh!t about us',
    'f*cking adults never listen',
    'its a crap idea',
    'sh1tty lessons',
]

HELD_OUT_PERSONAL_DATA = [
    'message me on 07911 123456 if you need someone',
    "my mum's email is sarah.jones@hotmail.co.uk",
    'Jessica Smith in year 8 knows about it',
    'my snapchat: lilyrose_x',
    'I live at 42 Oakfield Road, M14 5TP',
    'call me on +353 87 123 4567',
    'my insta is @ellie.b.2010',
    'Our flat is 3 Victoria Court, Bolton',
    'whatsapp me 0779 123 4567',
    'Ryan Patel from 10B is the one who does it',
    'my tiktok is dancequeen2011',
    'ring me 07123456789',
    'Emily Clarke in 8R said it happened',
    'my address is 7 Mill Lane, Darwen, BB3 1AB',
    'add me on snap its jess.x11',
    'my number 07700-900-321',
    'snap me jess_b',
    'Sophie H in 10C is always getting lifts',
    'my house is at the end of Church Street',
    'my postcode is bb1 7aa',
    '0044 7700 900123',
    'Text me 07 700 900 888',
    'my email is ben_123@yahoo.com',
    'Chloe Evans in 9B gets picked up',
    'tiktok: @maisie.xo',
    "I'm at 9 Ash Grove, Accrington",
    'my postcode is PR1 2HE',
    'add me on insta its tia_m09',
    'Harvey Johnson in year 9 is the one',
    'call 07912 345 678 if you need to talk',
    'I live at 5 Brook Street',
    'my email is tia2010@icloud.com',
    'message me on whatsapp +44 7911 123456',
    'my snap is olivia_w2010',
    'my phone number is 07856 123 987',
    'Amelia Wright in 10A sees him',
    'email me jay.patel@outlook.com',
]

HELD_OUT_ABUSE = [
    'girls who send nudes are sluts',
    'people who tell teachers are snitches',
    'Miss Turner is useless and never listens',
    'year 8 boys are so stupid',
    "you're all idiots",
    'Mrs Patel is a joke',
    'kids in care are just attention seekers',
    'lads who get involved in county lines are thick',
    'Mr Khan is sh*t at his job',
    'people who snitch deserve what they get',
    'ur a slag',
    'Kyle is a grass',
    'people who get groomed are stupid',
    'Mr Patel is a creep',
    'all the girls in year 10 are slags',
    'you lot are all losers',
    'victims are just attention seeking',
    'kids who tell are rats',
    'girls who wear short skirts are asking for it',
    'lads who report stuff are snitches',
    'Miss Jones is a racist',
    'people in year 11 are so thick',
    'kids in care are scum',
    'ur all pathetic',
    'girls who get groomed are stupid',
    'Mr Davies is a creep',
    'lads in year 10 are all pricks',
    'people who report are rats',
]

HELD_OUT_SPAM = [
    'hahahahaha',
    'visit www.freevbucks.com',
    '????????',
    'hi',
    'jkdfjkdfjk',
    'testing 123',
    'zzzzzzzzzz',
    'lol lol lol',
    '...',
    'aaaaaa',
    '!!!!!',
    'free robux at robux-free.xyz',
    'ok',
    'asdasdasd',
    'hi everyone',
    'nothing',
    'jkljkljkl',
    'hiiiii',
    'yooooooo',
    'bit.ly/free-stuff',
    'test test',
    'qwertyuiop',
    '....',
    'lmaooo',
    'zzzzzzz',
    'hiya',
    'www.win-free-iphone.com',
    'dhfjdkshfjk',
    '?',
    'lol ok',
    'aaaaaaaaaa',
    'hiii',
    'http://tinyurl.com/abc123',
    'kjhkjhkjh',
]

HELD_OUT_DISCLOSURE = [
    'my mates older brother keeps giving me weed and says I have to pay him back',
    "there's a man who waits outside school for my little sister and gives her money",
    "someone on snap said he's 15 but he's really 30 and he wants me to meet him",
    "i sent a guy pics and now he says he'll post them if i don't send more",
    "my boyfriend is 19 and i'm 14 and he doesn't want my mum to know",
    'they make me hold stuff for them at my house',
    "I don't want to go home because of my stepdad",
    "my best friend has been going to a flat with older lads and won't tell anyone what happens",
    'a lad in year 11 keeps asking me for nudes',
    'i keep getting lifts off older lads and they buy me food',
    "he told me it's our secret and i'm not allowed to tell my dad",
    'my cousin got given a new iphone by a man she met online',
    'i think my sister is being groomed she has two phones now',
    'some older guys said I have to work off what I owe',
    'he makes me delete our messages every night',
    "I'm 13 and my girlfriend is 20",
    "there's a guy at the park who gave me and my friend vapes for free",
    "my friend doesn't come home for days and comes back with new clothes",
    'help i dont know who to talk to',
    "I'm frightened of my mum's boyfriend",
    'my uncle comes in my room at night',
    'im scared of him',
    'a man in a car keeps following me home from school',
    "my sister's boyfriend is 26 and she's 14",
    'i have to go to different towns on the train for them',
    'me and my friend got taken to a party at a house with loads of older men',
    'there is this man who lets us stay at his flat and gives us vodka',
    "my ex has my nudes and keeps saying he'll show everyone",
    'we get told to sell stuff at school or we get battered',
    'i met someone on roblox who wants my address',
    'my step dad hits my mum and me',
    'a teacher at my school keeps touching my leg',
    "my friend's mum lets older men stay over and they give her drugs",
    'they took my phone and said i have to do one more run',
    "my girlfriend's brother is 22 and keeps adding me on insta",
    'my little brother is always out late and has loads of cash now',
    'somebody keeps sending me messages saying they know where i live',
    "i was made to do stuff i didn't want to at a party",
    "i've been getting messages from an older guy telling me i'm mature for my age",
    'nobody knows but my boyfriend is 24',
    "he said if I tell anyone he'll hurt my family",
    'the older kids on my estate make me hide things in my bag',
    'someone i know keeps going missing and coming back with bruises',
    'pls dont tell anyone but my uncle does stuff to me',
    'i got into a car with some lads and they drove me to manchester',
    'my sister is 14 and goes out with a 25 year old man',
    'my mate gets paid to drop off parcels for some older lads',
    'i dont feel safe at home',
    'someone keeps sending me pictures i dont want',
    'an older man on tiktok asked me to video call him',
    'my cousin is 14 and her boyfriend picks her up from school in his car',
    "there's a guy who gives my friends free vapes if they go to his house",
    'my brother owes a gang money and they come round our house',
    "i've been sending pics to someone i met online and now he wants to meet",
    "he says he loves me but he's 30",
    "my dad's friend touches me when no one's around",
    "they said they'd hurt my little brother if i stopped",
    'a group of lads made my friend have sex with them',
    "i keep getting messages from a number i don't know asking where i live",
    "i'm 14 and have been staying at my 20 year old boyfriend's flat",
    "when i go to my dad's his mate gives me alcohol",
    'i had to carry drugs in my school bag',
    'my friend told me a man pays her for pictures',
    'i think someone is grooming my little sister online',
    "i'm getting threatened to go on a video call",
    'they have videos of me',
    'my friend is always getting dropped off by men in different cars',
    'i have a boyfriend who is 21 and he told me not to tell my parents',
    'the lads on my street make me keep their stuff in my room',
    'someone screenshotted my snaps and says he will send them to my school',
    "i don't want to go back home tonight",
    'me and my sister get given money to go to parties',
    'a man from the takeaway gives my friend free food and lifts home',
    'my cousin said a 30 year old keeps messaging her on insta',
    'an older girl keeps making me meet her friends at a flat',
    'i have to pay them back by doing jobs',
    "my mum's new boyfriend keeps coming in the bathroom when i'm in there",
    'theres a guy in his 20s who keeps telling me im mature and asking to meet',
    "my friend has been sleeping at a man's house and says he's her boyfriend",
    'we got offered £50 each to take a train to Leeds and drop something off',
    'i am being bullied into sending pics',
    'the man next door gives me cigarettes and asks me to come inside',
    'my best mate is 15 and her boyfriend is 27',
    "I keep getting asked to hold things for people and I don't know how to say no",
    'i owe someone money and they keep threatening me',
    "my sister comes home really late with loads of new stuff and won't say who gave it her",
    'someone hacked my account and is using my photos',
    "I'm being made to sell weed at school",
    'i got sent a video by a grown man',
    'he got me drunk at his flat',
    'a lad i met on xbox wants me to send him my address',
    'a man keeps waiting for me at the bus stop and offering me a lift',
    "my friend's dealer says she has to work for him now",
    "i was at a party and woke up and didn't know what happened",
    "my mum doesn't know i go to a house where older lads give us drink",
    'my brother has started carrying a knife and says he has to',
    'this guy online sent me money and now wants pics back',
    "i've been told that if i leave the group they will come for me",
    'my ex keeps threatening to share my videos',
    'i cant sleep because of what he did',
    'he keeps turning up at my school',
    'somebody in my class is going out with a 19 year old',
    'my gf has two phones and a lot of cash since she started hanging with older boys',
    'my stepbrother makes me do things and says no one will believe me',
    "there's an older lad who gets my friend to post stuff through doors for him",
    'i keep getting added to group chats with men asking for pics',
    'i stay at my friends most nights coz i dont wanna be at home',
    "a man i met online says he'll come to my town to see me",
    'my bf took pics of me without asking and now his mates have them',
    "i think my friend is in trouble she's always with men in cars",
    "i told my teacher last year and nothing happened and it's still going on",
    "my nan doesn't know i've been meeting a 22 year old",
    'they give me free weed and now they say i have to pay',
    "my friend's boyfriend is 25 and she's in year 9",
    "i get sent to other people's houses to pick stuff up",
    'someone said they would tell everyone my secret unless i send a photo',
    "i've been staying out late with some older boys who give me vapes",
    'the man at the corner shop asks me to come into the back room',
    "my older cousin's mates keep asking me to go to their parties",
    "i'm being followed home",
    'my best friend told me her uncle touches her',
    'they make my brother sell drugs or they beat him up',
    "i don't feel safe at home anymore",
    'a guy from instagram sent me a train ticket to come and see him',
    "i think i'm in a relationship with someone too old for me",
    "a lad from year 11 keeps asking me to send him pictures and says I'll get in trouble if I tell",
    "my sister's boyfriend is 21 and buys her everything",
    'someone keeps giving my friend free weed and now she has to do favours for them',
    "i'm not allowed to tell anyone where i go after school",
    'an older man messages me every night on snap',
    'i got told i have to pay back the money for the phone they gave me',
    "my friend has been missing since friday and her mum doesn't care",
    'i think my brother is being used to sell drugs',
    'when i go to my dads his friend makes me uncomfortable',
    'this is happening to my friend right now',
    'i have nowhere safe to go tonight',
    'my cousin gets collected from school by men in a black car',
    'a boy in my year gets paid to take bags to other towns',
    'my friend keeps getting free stuff from a man she met at the chippy',
    "i've been talking to a guy who says he's 16 but his pictures look older",
    'my sister said a man offered her £20 to get in his car',
    "there's this older lad who says I'm his girlfriend and I can't talk to other boys",
    'i got given drugs at a party and then they said i owed them',
    'my friend is scared of her boyfriend he checks her phone all the time',
    "i don't know if it's normal that my boyfriend is 20 and i'm 15",
    'someone i know is being made to deliver stuff for a gang',
    "my friend goes to a man's flat after school and won't say why",
    'i was asked to send a photo in my underwear',
    "he says if i break up with him he'll share my pics",
    'my mate has to hide stuff at his house for older lads',
    'my cousin is 12 and keeps going missing at weekends',
    "i feel like i can't tell anyone what's going on at home",
]

HELD_OUT_OK = [
    'Men who give young girls lifts and free vodka',
    'People sending nudes and then getting blackmailed',
    'Gangs making kids carry drugs to other towns',
    'Adults online pretending to be teenagers',
    'Being told not to tell anyone about a relationship',
    'Young people getting into debt with dealers and having to work it off',
    'Teach kids that if someone asks for pictures they should tell a trusted adult',
    'Someone who buys you things and then says you owe them',
    'Boys being pressured to send photos too',
    'Have a number you can text if you are scared to go home',
    "Safe spaces for kids who don't feel safe at home",
    'Older girlfriends and boyfriends who control your phone',
    'Parties at flats with older men and free alcohol',
    "Not knowing it's grooming because he's nice to you",
    'People threatening to share your pictures',
    "Telling kids it's not their fault if someone hurt them",
    'Make a poster about what to do if someone asks you to keep a secret',
    "I think there should be more youth clubs so kids aren't on the streets",
    'I would feel more comfortable talking to a female teacher',
    'Cars waiting outside school gates at home time',
    "A lot of us don't know what county lines actually means",
    'Teachers should notice when someone has a new phone or loads of money',
    'We should learn about how groomers gain your trust',
    'Being scared of what will happen if you tell',
    'Older lads hanging around outside the school gates',
    'I feel like nobody listens to young people about this',
    'When I was in year 7 nobody told us about this stuff',
    'My school should have a proper safeguarding team',
    'I reckon more people would report if it was anonymous',
    'More police patrols in Blackburn town centre at night',
    'Scunthorpe United could run a campaign with the club',
    'Girls who get picked up from school by older boyfriends',
    'Kids who are scared to go home need somewhere to go',
    'People who do this are disgusting and should go to prison',
    "Victims aren't attention seekers they need help",
    'Assemblies about sexting and sextortion',
    "Teach us that it's not snitching to tell",
    'Someone you met online asking to meet up',
    'Boys can be groomed by women too',
    'Young people being given drugs and then told they owe money',
    'Make the Childline number 0800 1111 bigger on posters',
    'Get Early Help involved sooner for families',
    'Ask Young People what they think in the School Council',
    'Grace Academy should copy what other schools do',
    'A lesson on how to spot fake accounts on Instagram and Snapchat',
    'Youth workers on the estates on Friday nights',
    'Have an app where you can report things anonymously',
    'Help parents understand what apps we use',
    'I learnt today that grooming can happen to boys as well',
    'My friends and I think there should be more posters',
    'I want schools to teach about county lines in year 7',
    "I didn't know that sending nudes under 18 is illegal",
    'I would tell a teacher if someone asked me for pictures',
    'If I was worried about a friend I would tell my mum',
    'I like the idea of peer mentors',
    'I hope this conference actually changes something',
    'My idea is a group chat run by youth workers',
    'My favourite idea was the anonymous box',
    "Make sure kids know it's not their fault if they are groomed",
    'Older men buying girls drinks at parties',
    'Telling young people they owe money for gifts',
    'People getting picked up in cars after school is a warning sign',
    'Parents should check who their kids are talking to online',
    'Lads being asked to hold knives or drugs for older lads',
    'Schools should have a room you can go to if you feel unsafe',
    'Teach people how to spot if their friend is being exploited',
    "Gifts like phones and trainers from people you don't know well",
    "Sometimes kids stay out late because home isn't safe",
    "Girls being told they're mature for their age by older men",
    "My mum says she didn't learn about this at school",
    'I think the police should listen more to young people',
    'Having someone you trust to talk to at school',
    'We need more female police officers in schools',
    "A poster that says it's OK to tell even if they said keep it secret",
    'Friends should look out for each other at parties',
    'I would want to know who to go to without my parents finding out',
    'Teachers noticing when kids have bruises or injuries',
    'Make it easier to report online messages from adults',
    'Young carers get missed and can be targeted',
    'Kids in foster care going missing a lot',
    "Explain what sextortion is and that you won't be in trouble",
    'Boys who get asked to carry drugs might be scared of the gang',
    'Some people get given a new phone so the groomer can contact them',
    "Make it clear the police won't arrest you if you owe money to dealers",
    'If someone is being pressured to send nudes they should report it to CEOP',
    "People who are being exploited often don't see themselves as victims",
    'Talk about how it can be girls who groom as well',
    'Kids going missing from care homes and nobody looking for them',
    'Trusted adults need to believe you the first time',
    'Stop blaming girls for what they wear',
    'Sometimes the abuser is someone in the family',
    'Make PSHE lessons more real',
    "Older boyfriends might seem cool but it's a red flag",
    'Show us videos of real situations',
    'More lighting at the bus station because older men wait there',
    'Groomers use Roblox and Fortnite to talk to younger kids',
    "A safe adult in every school that isn't a teacher",
    'Being made to feel special by someone older',
    'Secret relationships with older people',
    'You might get threatened if you try to leave a gang',
    "Getting A* grades shouldn't matter more than being safe",
    'People on Whalley Road should keep an eye out',
    'Posters!!!',
    'Hi everyone I think we need more youth clubs',
    'Girls get called slags for reporting and that needs to stop',
    'Men in cars offering lifts to girls after school',
    'Young people being made to keep drugs at home',
    'Kids being given free food at takeaways by older men',
    'People screenshotting snaps and threatening to share them',
    "Not wanting to go home because home isn't safe",
    'Being pressured to go to parties with older people',
    'Teach about how debt bondage works in county lines',
    'Adults who pretend to be your boyfriend online',
    'More training for taxi drivers about spotting exploitation',
    'A helpline that is open at night',
    'Make reporting less scary',
    'I think older brothers and sisters should talk to younger ones about this',
    'My friends would rather talk to a youth worker than a teacher',
    'We need a safe place to go after school',
    "Teachers shouldn't make a big deal in front of the class",
    'Explain what happens after you report',
    'Boys who are groomed by women are not lucky',
    'People sharing nudes of others in group chats',
    'Girls being given drugs at house parties',
    "Adults who say they'll get you modelling work",
    'My mum told me about a girl who was groomed when she was at school',
    'I think we should be taught about sextortion in year 7 not year 10',
    'My friends and I made a poster about older boyfriends',
    "I'd feel safer if there were more police near the train station",
    "When I was younger I didn't know what grooming was",
    "I feel like adults don't realise how much pressure there is to send pics",
    'My older sister says her school did nothing about this',
    'Lessons about what to do if someone sends you something inappropriate',
    'More CCTV near shops where older lads hang around',
    'Telling kids the signs like gifts, secrets and being cut off from friends',
    "Teach boys it's not ok to ask girls for nudes",
    'Have posters in the bus station about county lines',
    'Online safety lessons should include gaming',
    'Free phone credit for young people to call helplines',
    'Police should look at who is picking kids up outside school',
    'A way to report a car that keeps hanging around the school',
    'We should have workshops run by people who have been through it',
    'Some kids get given drugs to sell and then told they owe money',
    'Girls being taken to hotels by older men',
    'Being scared to tell because the groomer threatened your family',
    "I think it's important that teachers don't judge us",
    'My little brother is in year 6 so primary schools need lessons too',
    'I would never have known about county lines without this conference',
    'My friends all use snapchat so lessons should be about that',
    'We need more female teachers to talk to',
    "I've learnt a lot today about grooming and exploitation",
    'I want adults to take us seriously when we report things',
    'Me and my friends think the posters are boring',
    'My mum works for the police and says they need more training',
    'Give pupils a card with helpline numbers on',
    'Lessons should explain that boys can be exploited too',
    'Schools should watch out for kids getting picked up in flash cars',
    'Not everyone has a trusted adult at home',
    'Peer support groups for people who have been through it',
    "People think it only happens in big cities but it's everywhere",
    'Make sure everyone knows the NSPCC number',
    'Boys in care being used to move drugs',
    'Groomers making kids feel like they owe them',
    'Teach young people about healthy and unhealthy relationships',
    'A space in school where you can talk without it going on your record',
    'Stop treating kids who carry drugs like criminals when they are victims',
    'Get taxi companies to report worrying things',
    'Adults should ask why a child has expensive things',
    'People are scared of being labelled a grass',
    "Use TikTok to spread awareness because that's where young people are",
    'Kids who go missing should be asked why when they come back',
    'Having talks from survivors would make it feel real',
    "Being sent nudes you didn't ask for",
    'Grooming can happen in gaming chats too',
    'Parents need to know what signs to look for',
    'Older people befriending kids at the park',
    'A trusted adult at school who you can talk to about anything',
    'Make posters that tell you what to do if someone makes you feel uncomfortable',
    'Kids carrying drugs for gangs because they are scared',
    'Men buying girls presents so they feel they owe them',
    'Lessons on spotting fake profiles',
    'Have sessions for parents about county lines',
    'I want to become a social worker to help kids like this',
    'My friends and I would use an anonymous app',
    'People being pressured into relationships with older people',
    'Being sent train tickets by people online',
    'Youth clubs open later on weekends',
    'Kids who are in care need more support',
    "Safe houses for young people who can't go home",
    'Teach about consent in primary school',
    'More patrols near the takeaway shops',
    'My teacher said grooming can take months',
    'Children being followed home from school',
    'Give the school nurse more time to talk to pupils',
    'Make it easier to block adults on games',
    'Grooming gangs targeting girls in care homes',
    'Someone older giving you attention and gifts',
    'Being asked to keep secrets by an adult',
    'Adults who get kids drunk at parties',
    'Young people being sent to other towns to sell drugs',
    'Older boyfriends with cars waiting outside school',
    'Teach younger kids that secrets which make you feel bad should be told',
    "Kids who don't want to go home might be in danger",
    'My best friend and I think the lessons should be by youth workers',
    'I found out today that you can report to CEOP',
    'Police who actually follow up reports',
    'More adults on the buses at night',
    'Posters in the changing rooms about who to talk to',
    "Teachers should be trained to notice when someone's behaviour changes",
    'A group chat with a youth worker for advice',
    'Adults offering kids money to do jobs for them',
    'Being controlled by a boyfriend who checks your phone',
    "Teaching that it's not normal for an adult to date a teenager",
    'Kids hiding things for older people',
    'Having a secret boyfriend who is much older',
    'My friends would talk to someone their own age first',
    'I think lessons should be more interactive',
    'Schools should tell parents about warning signs like going missing',
    'Young people being made to feel special and then trapped',
    'Someone checking in with kids who seem scared',
    'I learned that older men target girls who are lonely',
    'My friend and I want a club after school',
    "My dad says gangs use kids because they won't get arrested",
    "When I'm older I want to be a youth worker",
    'I saw on the news that a man was arrested for grooming',
    'My cousin is a police officer and says knife crime is linked to county lines',
    "I didn't realise boys could be victims until today",
    'My friends and I think the police should visit more',
    'If a friend told me a secret like that I would tell a teacher',
    'Me and my mates reckon the lessons are too late',
    'My form tutor is really good at listening',
    "I'd like to know what happens to the groomers after",
    'I have learnt how to spot the signs of grooming',
    'My school has a safeguarding team but nobody knows who they are',
    'I think if someone is being groomed they might not know it',
    'We were taught about sexting in year 8 but not about exploitation',
    "I've never heard of Early Help before today",
    'My mum says I can talk to her about anything',
    'My sister is a social worker and she says kids in care get targeted',
    'I liked the drama performance about a girl who got groomed',
    'My mum always tells me to share my location with her',
    "I'm glad we had this conference because I didn't know much before",
    'Me and my friends get the bus home so more staff at bus stops would help',
    'We get told about stranger danger but not about people you know',
    'My older brother got a talk about knife crime but nothing about this',
    'I go to a youth club and the leaders there are easy to talk to',
    'Our school has posters but nobody reads them',
    'I feel safer talking to my friends than teachers',
    "My dad doesn't understand snapchat so parents need lessons",
    'I would report it if I knew it would stay anonymous',
    'Me and my mates think the police should come in plain clothes',
    'My favourite part was the drama about the girl and the older man',
    "I have a phone but my little sister doesn't yet so lessons should start early",
    'We should have a code word with our parents',
    'I only found out what county lines was from TikTok',
    'My friend said the assembly was really good',
    'I hope other schools do this conference too',
    'We live in a small town so everyone knows each other',
    'My nan says in her day nobody talked about this stuff',
    'I think the man who did the talk from the police was really good',
    'Sometimes I get the train to town with my friends on Saturday',
    'My cousin works at a takeaway and they had training on this',
]

# --- kinds of miss found on the blind held-out CSV ---------------------------
# Thirty new sentences for each kind (in neither CSV; a test checks that). They test the
# general mechanisms, not single phrases: indirect questions (data/disclosure_questions.txt),
# plain-word threats and coercion (data/disclosure_harm.txt), group insults with animal and
# plain words (data/abuse_insults.txt, people_words.txt), mild British swears and
# hyphenated compounds (data/profanity.txt), and hypothetical "I would" sentences
# (data/disclosure_hypothetical.txt) and reported blame (data/abuse_not_meant.txt).

# 1. Indirect disclosures phrased as questions -> disclosure.
KIND_QUESTIONS = [
    'is it normal for my boyfriend to check my phone every night',
    'is it normal that my coach gives me lifts home and tells me not to tell my parents',
    'asking for a friend, what if someone older keeps sending her money',
    'is it grooming if a man buys u vapes and asks u to come to his car',
    'what do u do if someone has ur nudes and says theyll post them',
    'is that normal? my mates brother keeps giving me free weed',
    'asking for a friend how do u get out if u owe a gang money',
    'is it bad that my bf is 22 and im 15',
    'is it ok for an adult to ask u to keep your chats secret',
    'what should i do if someone online keeps asking me for pics',
    'is this grooming he buys me stuff and picks me up from school',
    'asking for a mate, is it normal for her boyfriend to make her go to his friends flat',
    'how do u know if ur being groomed cos a guy online keeps saying im mature',
    'is it weird that a man from the shop gives me free stuff every day',
    'what happens if u tell someone ur being made to sell drugs',
    'should i be worried that my sisters boyfriend is 30',
    'is it normal for someone to want you to delete the chats every night',
    'asking for a friend what do you do if an older lad says u owe him for the weed',
    'is it exploitation if they give u money to carry bags to other towns',
    'does it count as grooming if he says our relationship has to stay a secret',
    'is it normal to get asked to video call with older men on discord',
    'what do u do if ur boyfriend shares ur pics with his mates',
    'asking for a friend is it illegal for a 19 year old to date a 14 year old',
    'is it normal that a man at the park gives us alcohol and asks us to come to his flat',
    'is it ok that my coach messages me late at night and tells me to keep it between us',
    'what do u do if someone threatens to send ur pics to ur school',
    'how do u say no when older lads make u hold stuff for them',
    'is it normal for ur girlfriends dad to buy u drinks and drive u places',
    'asking for a friend, is it bad if she keeps getting picked up by men in cars',
    'is it grooming when someone online sends you gift cards and wants pics back',
]

# 2. Threats and coercion in plain words -> disclosure.
KIND_THREATS = [
    'they know what school i go to and said theyll wait for me',
    'he said hell tell everyone what i did if i stop going round',
    'i have to keep meeting them or theyll hurt my brother',
    'i got told i have to pay it back by friday',
    'some men drove me and my friend to a flat in another city and we couldnt leave',
    'my brother got jumped cos he owed money for the stuff he lost',
    'im scared cos they keep turning up outside my house',
    'they took my phone so i couldnt ring my mum to get home',
    'i keep getting sent to a house in a town i dont know',
    'my mate got beaten up over a debt he didnt even know he had',
    'they said if i dont come tonight theyll post the video',
    'we were left at a party miles away and couldnt get back home',
    'i have to do what they say or theyll tell my dad',
    'my cousin got slashed because the bag went missing',
    'im frightened because he keeps saying he knows where my sister goes to school',
    'they found out where i live and keep coming round',
    'i got told i need to go back to that flat on saturday',
    'older lads said my brother owes them and theyll come for him',
    'i have to keep going back there or it gets worse',
    'some men we didnt know drove us out of town and left us there',
    'he keeps saying hell show my mum the messages if i dont do what he says',
    'my friend got stabbed over money she owed',
    'scared cos a guy keeps following me from school',
    'im terrified because they said theyd come to my house',
    'they make me go to different houses every weekend and i cant say no',
    'my sister got taken to a hotel by men she didnt know',
    'im not allowed to go home until ive sold it all',
    'they said i owe them for the phone and now i have to run stuff',
    'got told to keep quiet or my little brother gets hurt',
    'my mate lost a parcel and now they say he has to pay them back double',
]

# 3. Group insults with animal or plain words -> abuse.
KIND_GROUP_INSULTS = [
    'year 9s are all little rats',
    'the police are all pigs',
    'teachers at this school are useless idiots',
    'social workers are snakes',
    'lads from the estate are dirty rats',
    'the coppers round here are bent pigs',
    'year 7s are annoying little rats',
    'girls in year 10 are all snakes',
    'the dinner ladies are miserable cows',
    'people from that school are vermin',
    'boys in my year are pigs',
    'the year 11 lads are animals',
    'teachers are all useless morons',
    'the police here are clowns',
    'social workers are a bunch of useless idiots',
    'lads from town are dogs',
    'everyone in 8C is a rat',
    'those kids are little scumbags',
    'the staff here are all lazy idiots',
    'youth workers are just muppets',
    'the feds are pigs',
    'year 8s are thick as mince',
    'kids from that estate are cockroaches',
    'the teachers are pathetic losers',
    'police are all corrupt pigs',
    'girls from St Marys are slags',
    'year 10 boys are disgusting pigs',
    'our form tutors are clueless idiots',
    'the lads in year 11 are proper weasels',
    'you lot are all useless rats',
]

# 4. Mild British swears -> profanity.
KIND_MILD_SWEARS = [
    'bloody hell nobody listens to us',
    'the lessons are bloody useless',
    'bugger all gets done about it',
    'sod the rules',
    'teachers cant be arsed to help',
    'it really pisses me off',
    'what a load of crap',
    'the police are taking the piss',
    'adults are a pain in the arse',
    'sodding posters everywhere and nothing changes',
    'its bloody ridiculous',
    'oh bugger off with the assemblies',
    'this is a right cock-up',
    'sod all happens when u report',
    'its a half-arsed effort from the school',
    'the council are a bunch of arseholes',
    'im pissed off with adults not listening',
    'bloody adults never listen',
    'the lessons are crappy',
    'its a piss take',
    'damn the system',
    'what the hell, bloody hell',
    'buggering about with forms instead of helping',
    'no one gives a crap',
    'the police are crap at this',
    'arsey teachers who dont listen',
    'they just piss about',
    'bleeding hell the buses are late',
    'its a pisstake how little they do',
    'the school are being proper arses about it',
]

# 5. Hypothetical first person and reported blame -> neither disclosure nor abuse.
KIND_HYPOTHETICAL_OK = [
    'if someone asked me for nudes i would block them straight away',
    'if my sister was being groomed id want to know the signs',
    'if a man offered me a lift id say no and tell my mum',
    'if my mate was acting weird id ask if shes ok',
    'if anyone threatened to share my pics i would report it to ceop',
    'if someone made me carry drugs id go to the police',
    'if my friend went missing i would tell a teacher straight away',
    'if an older lad gave me free vapes id know something was up',
    'id tell my mum if someone kept messaging me',
    'if my boyfriend checked my phone i would dump him',
    'if i was told to keep a secret by an adult i would tell someone',
    'if a stranger asked where i live id ignore them',
    'if my little brother was getting picked up in cars i would want someone to notice',
    'if my friend owed money to a gang id want her to be able to get help',
    'kids blame themselves and think its their own fault',
    'victims often feel like its their own fault',
    'groomers make girls believe its their own fault',
    'being made to feel like its your own fault',
    'people worry that it was their own fault',
    'if someone said theyd post my pics i would screenshot it and report it',
    'if my cousin started getting loads of new stuff id ask her where it came from',
    'if a teacher touched me i would report it',
    'if someone online asked me to meet up id tell my dad',
    'if my mate got into a car with older lads id get help',
    'if i ever got sent pics i didnt want i would block and report',
    'if my friend was scared to go home i would let her stay at mine',
    'people thinking its their own fault when its not',
    'if someone i knew was being exploited i would tell childline',
    'if my friend got asked to hold a bag for older lads i would tell her not to',
    'if anyone ever hurt my sister id tell the police',
]


def test_kind_examples_are_new():
    seen = set()
    for path in (DEV_CSV, HELDOUT_CSV):
        with open(path, newline="", encoding="utf-8") as handle:
            seen |= {row["text"].strip().lower() for row in csv.DictReader(handle)}
    kinds = KIND_QUESTIONS + KIND_THREATS + KIND_GROUP_INSULTS + KIND_MILD_SWEARS + KIND_HYPOTHETICAL_OK
    assert all(len(k) == 30 for k in (KIND_QUESTIONS, KIND_THREATS, KIND_GROUP_INSULTS, KIND_MILD_SWEARS,
                                      KIND_HYPOTHETICAL_OK))
    assert len(set(kinds)) == len(kinds)
    assert not [t for t in kinds if t.strip().lower() in seen]


@pytest.mark.parametrize("label,examples", [
    ("disclosure", "KIND_QUESTIONS"), ("disclosure", "KIND_THREATS"),
    ("abuse", "KIND_GROUP_INSULTS"), ("profanity", "KIND_MILD_SWEARS"),
])
def test_kind_examples_flagged(label, examples):
    missed = [t for t in globals()[examples] if label not in flags(t)]
    assert missed == []


def test_kind_hypothetical_examples_not_flagged():
    flagged = [(t, flags(t)) for t in KIND_HYPOTHETICAL_OK if {"disclosure", "abuse"} & set(flags(t))]
    assert flagged == []


# --- the mechanisms behind the kinds -----------------------------------------

@pytest.mark.parametrize("text", [
    # a hypothetical is kept when it shows the thing is already happening or is a threat
    "if he messages me again ill block him",
    "if i dont send more pics he says hell share them, id tell someone but im scared",
    "i would tell someone but if i do hell hurt me",
    "if i tell anyone ill get battered",
    "i would go round his flat if he asked me",
    # questions read "you" as the writer
    "is it normal for someone to buy u alcohol and pick u up from school",
    # text-speak without the "I"
    "scared cos he keeps turning up at my work",
    "got told to keep my mouth shut about what happened at the party",
])
def test_disclosure_mechanisms_keep_recall(text):
    assert "disclosure" in flags(text)


def test_question_reason_names_the_cue():
    reasons = screen("asking for a friend, is it grooming if a man buys u vapes").reasons
    assert "may describe someone being harmed: gifts" in reasons


@pytest.mark.parametrize("text", [
    "we were taken to the main hall for the talk", "i cant get out of bed for school some days",
    "i have a 20 year old sister who works with kids in care", "my friend lost a bag of her stuff at the bus station",
    "how do you know if someone is grooming you? we should be taught the signs",
    "im scared because nobody seems to take this seriously",
])
def test_new_harm_cues_need_the_right_context(text):
    assert "disclosure" not in flags(text)


def test_contractions_without_apostrophe_read_from_the_next_word():
    from youth_app.screening.normalise import plain
    assert plain("he said hell hurt me") == "he said he'll hurt me"
    assert plain("bloody hell") == "bloody hell"
    assert plain("someone ur talking to") == "someone you're talking to"
    assert plain("ur pics") == "your pictures"
    assert plain("i was ill") == "i was ill"


@pytest.mark.parametrize("text", [
    "my mate came home with a bloody nose", "Arsenal players visiting schools", "Sussex-based charity",
    "a well-known problem", "Stoke-on-Trent youth clubs",
])
def test_mild_swears_and_compounds_false_positives(text):
    assert "profanity" not in flags(text)


@pytest.mark.parametrize("text", [
    "the police are useless at getting back to people", "teachers are clueless about snapchat",
    "people who groom kids are pigs", "people dont report because they think the police are pigs",
    "the guinea pigs in science are cute",
])
def test_group_insult_false_positives(text):
    assert "abuse" not in flags(text)


def test_second_blind_set_meets_the_targets():
    """benchmarks/data/blind2_contributions.csv was written without sight of the rules and first run
    blind (README gives that run's figures). It is kept as a regression check: do not tune on it."""
    bench = load_benchmark()
    result = bench.evaluate(bench.load_rows(Path(__file__).resolve().parents[1] / "benchmarks/data/blind2_contributions.csv"))
    labels = result["labels"]
    assert labels["personal_data"]["recall"] == 1.0
    assert labels["disclosure"]["recall"] >= 0.9
    assert labels["profanity"]["recall"] >= 0.95
    assert result["ok_flagged_share"] <= 0.05
