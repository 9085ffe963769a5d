"""Right-to-left pages mirrored in a real Chromium, the language switcher by keyboard, read aloud."""

import json
import struct
import zlib

import pytest

pytestmark = pytest.mark.browser

# A fake speech synthesis, installed before the page's scripts run: headless Chromium has no
# voices, and a test must not speak. It records what would have been read.
FAKE_SPEECH = """
window.__spoken = [];
class FakeUtterance { constructor(text) { this.text = text; this.lang = ""; this.voice = null; } }
const fakeSynth = {
  voices: %s,
  listeners: [],
  speaking: null,
  getVoices() { return this.voices; },
  addEventListener(type, listener) { this.listeners.push(listener); },
  speak(utterance) { this.speaking = utterance; window.__spoken.push({text: utterance.text, lang: utterance.lang, voice: utterance.voice.name}); },
  cancel() { const current = this.speaking; this.speaking = null; if (current && current.onerror) current.onerror(); },
};
Object.defineProperty(window, "speechSynthesis", {value: fakeSynth, configurable: true});
window.SpeechSynthesisUtterance = FakeUtterance;
"""


@pytest.fixture
def page_with_voices(browser):
    """Open pages in a browser whose speech synthesis offers these voices (lang, name, local)."""
    contexts = []

    def open_page(url, *voices):
        context = browser.new_context()
        listed = [{"lang": lang, "name": name, "localService": local} for lang, name, local in voices]
        context.add_init_script(FAKE_SPEECH % json.dumps(listed))
        contexts.append(context)
        page = context.new_page()
        page.goto(url)
        return page

    yield open_page
    for context in contexts:
        context.close()


def box(page, selector):
    return page.locator(selector).first.bounding_box()


@pytest.mark.parametrize("code", ["ar", "fa"])
def test_right_to_left_pages_are_mirrored(page, live_server, code):
    page.set_viewport_size({"width": 1024, "height": 800})
    page.goto(f"{live_server}/{code}/resources/laep-test-14")
    assert page.evaluate("getComputedStyle(document.body).direction") == "rtl"
    assert page.evaluate("getComputedStyle(document.querySelector('main')).direction") == "rtl"
    # The brand sits at the right, the language switcher at the left.
    assert box(page, ".brand")["x"] > box(page, ".language-switcher")["x"]
    # The breadcrumb runs from right to left: home first, at the right.
    crumbs = page.locator(".breadcrumb a")
    assert crumbs.nth(0).bounding_box()["x"] > crumbs.nth(crumbs.count() - 1).bounding_box()["x"]
    # Headings and facts start at the right edge of their section.
    section = box(page, "article.resource")
    heading = box(page, "#resource-title")
    assert section["x"] + section["width"] - (heading["x"] + heading["width"]) < 40
    # The breadcrumb arrow points the way the trail goes: to the left.
    assert not points_right(page.locator(".breadcrumb__sep").first.screenshot())


def test_left_to_right_pages_are_not_mirrored(page, live_server):
    page.set_viewport_size({"width": 1024, "height": 800})
    page.goto(f"{live_server}/fr/resources/laep-test-14")
    assert box(page, ".brand")["x"] < box(page, ".language-switcher")["x"]
    assert points_right(page.locator(".breadcrumb__sep").first.screenshot())


def test_an_arabic_page_fits_a_small_phone(browser, live_server):
    context = browser.new_context(viewport={"width": 320, "height": 640})
    page = context.new_page()
    page.goto(f"{live_server}/ar/resources/laep-test-14")
    overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
    context.close()
    assert overflow <= 0


def test_the_language_switcher_works_with_the_keyboard_alone(page, live_server):
    page.goto(f"{live_server}/fr/kinds/laep")
    page.locator(".language-switcher summary").focus()
    page.keyboard.press("Enter")
    arabic = page.locator('.language-switcher a[lang="ar"]')
    assert arabic.is_visible()
    while page.evaluate("document.activeElement.getAttribute('lang')") != "ar":
        page.keyboard.press("Tab")
    page.keyboard.press("Enter")
    page.wait_for_url("**/ar/kinds/laep")
    assert page.locator("html").get_attribute("dir") == "rtl"


def test_the_machine_translation_notice_opens_on_demand(page, live_server):
    page.goto(f"{live_server}/uk/")
    notice = page.locator(".translation-notice")
    assert notice.locator("summary").inner_text() == "Машинний переклад, не перевірений людиною"
    assert not notice.get_by_role("link").is_visible()
    notice.locator("summary").click()
    notice.get_by_role("link").click()
    page.wait_for_url("**/fr/")


def test_read_aloud_reads_the_explanation_in_the_page_language(page_with_voices, live_server):
    page = page_with_voices(f"{live_server}/ar/kinds/laep", ("en-GB", "English", True), ("ar-SA", "Arabic", True))
    button = page.locator("button.read-aloud")
    label = button.locator(".read-aloud__label")
    assert button.is_visible()
    assert label.inner_text() == "القراءة بصوت عالٍ"
    button.click()
    spoken = page.evaluate("window.__spoken")
    assert spoken == [{"text": page.locator("#kind-explanation").inner_text(), "lang": "ar-SA", "voice": "Arabic"}]
    assert label.inner_text() == button.get_attribute("data-label-stop") == "إيقاف القراءة"
    button.click()  # a second press stops the reading
    assert label.inner_text() == "القراءة بصوت عالٍ"


def test_chinese_is_read_by_a_mandarin_voice_not_a_cantonese_one(page_with_voices, live_server):
    page = page_with_voices(f"{live_server}/zh-Hans/kinds/laep", ("zh-HK", "Cantonese", True), ("zh-CN", "Mandarin", False))
    page.locator("button.read-aloud").click()
    assert page.evaluate("window.__spoken[0].voice") == "Mandarin"


def test_no_read_aloud_button_without_a_voice_for_the_language(page_with_voices, live_server):
    page = page_with_voices(f"{live_server}/ta/kinds/laep", ("en-US", "English", True))
    assert page.locator("button.read-aloud").count() == 1
    assert not page.locator("button.read-aloud").is_visible()


def test_no_read_aloud_button_without_javascript(browser, live_server):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(f"{live_server}/fr/kinds/laep")
    assert not page.locator("button.read-aloud").is_visible()
    context.close()


def points_right(png):
    """Tell whether a dark arrow-like glyph on a light background points to the right."""
    width, height, pixels = decode_png(png)
    dark = [(x, y) for y in range(height) for x in range(width) if pixels[y][x] < 128]
    top, bottom = min(y for _, y in dark), max(y for _, y in dark)
    middle = (top + bottom) / 2
    tip = [x for x, y in dark if abs(y - middle) <= 1]
    ends = [x for x, y in dark if y in (top, bottom)]
    # ">": the middle row is further right than the top and bottom rows.
    return sum(tip) / len(tip) > sum(ends) / len(ends)


def decode_png(png):
    """Return (width, height, rows of grey levels) of an 8-bit RGB or RGBA PNG, as Chromium writes them."""
    position, data = 8, b""
    while position < len(png):
        (length,) = struct.unpack(">I", png[position : position + 4])
        kind, chunk = png[position + 4 : position + 8], png[position + 8 : position + 8 + length]
        if kind == b"IHDR":
            width, height, _depth, colour = struct.unpack(">IIBB", chunk[:10])
        elif kind == b"IDAT":
            data += chunk
        position += 12 + length
    raw = zlib.decompress(data)
    step = 4 if colour == 6 else 3
    stride = width * step
    rows, previous, offset = [], bytearray(stride), 0
    for _ in range(height):
        kind, line = raw[offset], bytearray(raw[offset + 1 : offset + 1 + stride])
        offset += 1 + stride
        for i in range(stride):
            left = line[i - step] if i >= step else 0
            up, up_left = previous[i], (previous[i - step] if i >= step else 0)
            if kind == 1:
                line[i] = (line[i] + left) & 0xFF
            elif kind == 2:
                line[i] = (line[i] + up) & 0xFF
            elif kind == 3:
                line[i] = (line[i] + (left + up) // 2) & 0xFF
            elif kind == 4:
                guess = left + up - up_left
                nearest = min((abs(guess - left), 0, left), (abs(guess - up), 1, up), (abs(guess - up_left), 2, up_left))[2]
                line[i] = (line[i] + nearest) & 0xFF
        rows.append([sum(line[x * step : x * step + 3]) // 3 for x in range(width)])
        previous = line
    return width, height, rows


def test_read_aloud_reads_a_question_and_its_answers(page_with_voices, live_server):
    page = page_with_voices(f"{live_server}/es/orientation/vacances/questions/caf_allocataire", ("es-ES", "Spanish", True))
    page.locator("button.read-aloud").click()
    spoken = page.evaluate("window.__spoken")
    body = page.locator("#question-body").inner_text()
    assert spoken == [{"text": body, "lang": "es-ES", "voice": "Spanish"}]
    assert page.locator("#question-title").inner_text() in body
    assert page.locator(".choice label").first.inner_text() in body
