"""Keys people can remap, for terminals and tools that take some keys for themselves.

A file `keys.toml` in the configuration folder maps a binding id to the keys wanted:

    [keys]
    "step.next" = "f9"
    "app.save" = "ctrl+s,f12"

Each key is checked against the names Textual gives the keys a terminal sends, without importing
Textual (this module is read by the command line too): a name Textual never sends would silently
do nothing. The names are Textual 8's (`textual/keys.py` and `textual/_keyboard_protocol.py`); a
test compares them with the installed Textual.
"""

from __future__ import annotations

import itertools
import tomllib
import unicodedata
from collections.abc import Mapping, Sequence
from pathlib import Path

from plan_store import visible
from plan_store.places import config_dir

QUIT = "app.quit"

# In the order Textual writes them: it sorts the modifiers of every key it reports.
MODIFIERS = ("alt", "ctrl", "hyper", "meta", "shift", "super")

# Keys with names of their own. Keypad keys, lock keys and lone modifier keys are left out: a
# terminal reports them as such only when asked to report every key, and Textual does not ask.
NAMED_KEYS = frozenset(
    {"escape", "enter", "tab", "backspace", "space", "insert", "delete", "home", "end", "pageup", "pagedown"}
    | {"up", "down", "left", "right", "print_screen", "pause", "menu"}
    | {f"f{number}" for number in range(1, 36)}
    | {"media_play", "media_pause", "media_play_pause", "media_reverse", "media_stop", "media_fast_forward"}
    | {"media_rewind", "media_track_next", "media_track_previous", "media_record"}
    | {"lower_volume", "raise_volume", "mute_volume"}
)

# Whole names Textual sends that the rules below would not allow: Ctrl+Space in older terminals.
_SENT_AS_THEY_ARE = frozenset({"ctrl+@"})

# Textual's shorter names for some characters (its KEY_NAME_REPLACEMENTS), both ways.
_SHORTER = {
    "solidus": "slash",
    "reverse_solidus": "backslash",
    "commercial_at": "at",
    "hyphen_minus": "minus",
    "plus_sign": "plus",
    "low_line": "underscore",
}
_LONGER = {short: long for long, short in _SHORTER.items()}

# The characters a key may be named after ("question_mark", "pound_sign"): those on keyboards.
# Every emoji has a name too, and "ctrl+banana" is far more likely a slip than a key.
_KEYBOARD_CHARACTERS = frozenset(chr(code) for code in range(0x21, 0x100) if chr(code).isprintable()) | {"€"}

# Two names for one key: Textual runs a binding on either when the key is pressed.
_SAME_KEY = {"ctrl+i": "tab", "ctrl+m": "enter"}

# Slips worth a "did you mean": the footer itself shows some of these short forms.
_SLIPS = {
    "esc": "escape",
    "return": "enter",
    "del": "delete",
    "ins": "insert",
    "pgup": "pageup",
    "pgdn": "pagedown",
    "control": "ctrl",
    "option": "alt",
}

# Keys used to type or correct text. Quit works wherever the cursor is, so on one of these it
# would close PHB Planner in the middle of typing.
_TYPING_KEYS = frozenset({"space", "enter", "tab", "backspace", "delete"})

KEY_RULE = 'A key is written like "a", "?", "f9", "escape", "delete", "ctrl+s" or "ctrl+shift+up"; several keys are separated by commas, like "ctrl+s,f12".'


def keymap_path() -> Path:
    return config_dir() / "keys.toml"


def load_keymap(path: Path, screens: Sequence[Mapping[str, str]]) -> tuple[dict[str, str], list[str]]:
    """The keymap to apply, and a problem for each entry that was ignored or clashes (never an exception).

    `screens` has, for each screen, the binding ids that can be in use together there and their
    usual keys; a key is only a clash with an action on the same screen.
    """
    if not path.is_file():
        return {}, []
    where = visible(str(path))
    try:
        table = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as error:
        return {}, [f"{where} could not be read ({visible(str(error))}); the usual keys are in use."]
    keys = table.get("keys", {})
    if not isinstance(keys, dict):
        return {}, [f'{where}: [keys] must be a table of lines like "step.next" = "f9".']
    usual: dict[str, str] = {}
    for screen in screens:
        usual.update(screen)
    keymap: dict[str, str] = {}
    problems: list[str] = []
    for action, value in keys.items():
        if action not in usual:
            problems.append(
                f'{where}: "{visible(action)}" is not an action that can be remapped '
                f"(these can: {', '.join(sorted(usual))})."
            )
        elif not isinstance(value, str) or not value.strip():
            problems.append(
                f'{where}: the key for "{action}" must be text like "f9" or "ctrl+s". {_stays(usual, action)}'
            )
        elif problem := _entry_problem(action, value):
            problems.append(f'{where}: "{action}" = "{visible(value)}" was not used: {problem} {_stays(usual, action)}')
        else:
            keymap[action] = ",".join(key.strip() for key in value.split(","))
    return keymap, problems + _clashes(where, keymap, screens)


def key_problem(key: str) -> str | None:
    """Why Textual would never send `key` (one key, not a list), with a suggestion; None if it would."""
    problem = _why_unknown(key)
    if problem is None:
        return None
    better = _suggestion(key)
    hint = f'; did you mean "{better}"?' if better else "."
    return f'"{visible(key)}" {problem}{hint}'


def _stays(usual: Mapping[str, str], action: str) -> str:
    keys = usual[action]
    several = " or " in keys_words(keys)
    return f"The usual {'keys' if several else 'key'} ({keys_words(keys)}) {'stay' if several else 'stays'}."


def _entry_problem(action: str, value: str) -> str | None:
    keys = [key.strip() for key in value.split(",")]
    for key in keys:
        if problem := key_problem(key):
            return f"{problem} {KEY_RULE}"
    typed = [key for key in keys if _used_while_typing(key)]
    if action == QUIT and typed:
        return (
            f'quit cannot be "{visible(typed[0])}": that key is used to type in a field, and quit works wherever '
            "the cursor is, so PHB Planner would close while you type. Choose a key with ctrl+ or alt+, or a "
            'function key, like "ctrl+w" or "f10".'
        )
    return None


def _why_unknown(key: str) -> str | None:
    if not key:
        return "is empty: there is no key between two commas, or before or after one"
    if len(key) == 1:
        # A lone character: Textual turns it into the character's name itself.
        return None if key.isprintable() and not key.isspace() else "is not a character a key types"
    if key in _SENT_AS_THEY_ARE:
        return None
    *modifiers, base = key.split("+")
    if "" in modifiers:
        return 'has nothing between two + signs (the key + itself is written "plus")'
    for modifier in modifiers:
        if modifier not in MODIFIERS:
            return f'has "{visible(modifier)}" where ctrl, alt, shift, meta, super or hyper should be'
    if len(set(modifiers)) != len(modifiers):
        return "names the same modifier twice"
    if modifiers != sorted(modifiers):
        return "has its modifiers in an order no key press matches (the order is alt, ctrl, shift)"
    if not base:
        return "has no key after the last +"
    if base in NAMED_KEYS:
        return None
    character = base if len(base) == 1 and base.isprintable() else _named_character(base)
    if character is None:
        return "is not the name of a key"
    if len(base) == 1 and not base.isalnum():
        return "has a character after a modifier, where the character's name is needed"
    if len(base) == 1 and base != base.lower():
        return "has a capital letter after a modifier, where shift+ and the small letter are needed"
    if modifiers == ["shift"]:
        return 'has shift with a character: write the character shift types instead, like "A" for shift+a'
    return None


def _suggestion(key: str) -> str | None:
    """A name Textual does send that `key` was probably meant to be, if there is one."""
    *modifiers, base = key.strip().split("+")
    modifiers = [_SLIPS.get(modifier.lower(), modifier.lower()) for modifier in modifiers]
    if len(base) == 1 and modifiers and not base.isalnum():
        base = _character_key(base)
    elif len(base) == 1 and modifiers and base != base.lower():
        modifiers.append("shift")
        base = base.lower()
    elif len(base) > 1:
        base = _SLIPS.get(base.lower(), base.lower())
    if modifiers == ["shift"] and len(base) == 1 and base.isalpha():
        better = base.upper()
    else:
        better = "+".join([*sorted(set(modifiers)), base])
    return better if better != key and better and _why_unknown(better) is None else None


def _character_key(character: str) -> str:
    """Textual's name for the key that types `character` (textual.keys._character_to_key)."""
    if character.isalnum():
        return character
    try:
        name = unicodedata.name(character).lower().replace("-", "_").replace(" ", "_")
    except ValueError:
        return character
    return _SHORTER.get(name, name)


def _named_character(name: str) -> str | None:
    """The character a key name such as "question_mark" stands for, if it names one.

    Textual makes a name from the character's Unicode name, with both spaces and hyphens turned
    into underscores ("LESS-THAN SIGN" is "less_than_sign"), so each underscore is tried as both.
    """
    words = _LONGER.get(name, name).split("_")
    if name != name.lower() or len(words) > 8:  # Longer than any key's name; 2**7 looks-ups at most.
        return None
    for joins in itertools.product(" -", repeat=len(words) - 1):
        unicode_name = words[0] + "".join(join + word for join, word in zip(joins, words[1:], strict=True))
        try:
            character = unicodedata.lookup(unicode_name)
        except KeyError:
            continue
        if character in _KEYBOARD_CHARACTERS and _character_key(character) == name:
            return character
    return None


def _canonical(key: str) -> str:
    """One spelling for each key, so two spellings of one key are seen to clash."""
    if len(key) == 1:
        return _character_key(key)
    return _SAME_KEY.get(key, key)


def _used_while_typing(key: str) -> bool:
    *modifiers, base = _canonical(key).split("+")
    if set(modifiers) - {"shift"}:
        return False
    return base in _TYPING_KEYS or len(base) == 1 or _named_character(base) is not None


def _clashes(where: str, keymap: Mapping[str, str], screens: Sequence[Mapping[str, str]]) -> list[str]:
    """A problem for each key that two actions on one screen would share, where keys.toml set one."""
    problems: list[str] = []
    seen: set[tuple[str, tuple[str, ...]]] = set()
    for screen in screens:
        actions_on: dict[str, list[str]] = {}
        for action, usual in screen.items():
            for key in {_canonical(key.strip()) for key in keymap.get(action, usual).split(",")}:
                actions_on.setdefault(key, []).append(action)
        for key, actions in actions_on.items():
            changed = [action for action in actions if action in keymap]
            if len(actions) < 2 or not changed or (key, tuple(sorted(actions))) in seen:
                continue
            seen.add((key, tuple(sorted(actions))))
            problems.append(_clash(where, key, changed, [action for action in actions if action not in keymap]))
    return problems


def _clash(where: str, key: str, changed: list[str], unchanged: list[str]) -> str:
    names = " and ".join(f'"{action}"' for action in changed)
    if not unchanged:
        every = "both" if len(changed) == 2 else "all"
        return (
            f'{where}: {names} are {every} set to "{visible(key)}" and are used on the same screen, so only one of '
            "them will work. Give each of them a key of its own."
        )
    others = " and ".join(f'"{action}"' for action in unchanged)
    verb = "is" if len(changed) == 1 else "are"
    return (
        f'{where}: {names} {verb} set to "{visible(key)}", which is already the usual key for {others} on the '
        f"same screen, so only one of them will work. Choose a different key, or give {others} a key of its own "
        "in the file too."
    )


# --- how keys are written for people --------------------------------------------------------------

_KEY_WORDS = {
    "escape": "Esc",
    "enter": "Enter",
    "delete": "Delete",
    "backspace": "Backspace",
    "tab": "Tab",
    "space": "Space",
    "insert": "Insert",
    "home": "Home",
    "end": "End",
    "pageup": "Page Up",
    "pagedown": "Page Down",
    "up": "Up",
    "down": "Down",
    "left": "Left",
    "right": "Right",
}


def key_words(key: str) -> str:
    """One key as people write it, the same in the footer, the status line, buttons and help.

    "ctrl+q" is "Ctrl+Q" (never "^q"), "f7" is "F7", "alt+up" is "Alt+Up", "question_mark" is "?".
    """
    if len(key) == 1:
        return key.upper() if key.isalpha() else key
    *modifiers, base = key.split("+")
    if base in _KEY_WORDS:
        shown = _KEY_WORDS[base]
    elif len(base) == 1 or (base.startswith("f") and base[1:].isdigit()):
        shown = base.upper()
    else:
        shown = _named_character(base) or base.replace("_", " ").title()
    return "+".join([*(modifier.capitalize() for modifier in modifiers), shown])


def keys_words(keys: str, joiner: str = " or ") -> str:
    """A comma-separated list of keys in words: "f8,ctrl+n" is "F8 or Ctrl+N". A letter's two
    cases are one key to a person ("n,N" is "N"), so each is named once."""
    words = [key_words(key.strip()) for key in keys.split(",") if key.strip()]
    return joiner.join(dict.fromkeys(words))


def both_cases(keys: str) -> str:
    """The keys with each letter in both cases: "n" is "n,N".

    The footer shows a letter as a capital, and a person pressing it with Shift (or Caps Lock on)
    sends the capital, which Textual names apart from the small letter."""
    out: list[str] = []
    for key in (key.strip() for key in keys.split(",")):
        for case in (key, key.swapcase()) if len(key) == 1 and key.isalpha() else (key,):
            if case and case not in out:
                out.append(case)
    return ",".join(out)


# --- keys that reach PHB Planner in the terminals people use ------------------------------------
# Every main action has two keys. Some terminals keep keys for themselves: VS Code's terminal takes
# Ctrl+P, F1 and F6; a Mac's function keys control brightness, media and volume unless Fn is held;
# Windows Terminal takes Alt+arrows for its panes. Both keys always work where they reach the app;
# this only chooses which one the footer and the status line show first.

SECOND_KEYS = {
    "step.previous": "f7,ctrl+o",
    "step.next": "f8,ctrl+n",
    "step.help": "f1,ctrl+g",
    "app.plans": "f2,ctrl+l",
    "finance.pa_costs": "f6,ctrl+t",
    "app.quit": "ctrl+q,f10",
    "app.palette": "ctrl+p,ctrl+r",
    "list.up": "alt+up,shift+up",
    "list.down": "alt+down,shift+down",
}
"""The usual keys of the actions that have two, in the order shown where nothing is known."""

BROWSER_KEYS = {
    "step.next": "f8",  # Ctrl+N opens a new browser window before the page hears it.
    "finance.pa_costs": "f9,f6",  # Ctrl+T opens a new tab; F6 moves to the address bar.
    "app.palette": "ctrl+k,ctrl+p",  # Ctrl+P prints and Ctrl+R reloads the page in many browsers.
    "picker.refresh": "f9,f5",  # F5 reloads the page.
    "review.usual_tasks": "f9,f5",
    "pa.figures": "f8,f5",
}
"""In a web browser (`phb serve`): keys the browser keeps for itself are never the ones shown, and
each action they served has another. Ctrl+K is the key many web apps use for their commands."""

BROWSER_TAKES = frozenset({"ctrl+n", "ctrl+t", "ctrl+w", "f5", "f6", "f11", "ctrl+p", "ctrl+r"})
"""Keys a browser may act on before the page hears them: new window or tab, close the tab, reload,
the address bar, full screen, print."""

_FUNCTION_KEYS_TAKEN = ("step.previous", "step.next", "step.help", "app.plans", "finance.pa_costs")


def terminal_keymap(environment: Mapping[str, str], platform: str) -> dict[str, str]:
    """The usual keys reordered so the one shown first reaches PHB Planner in this terminal."""
    program = environment.get("TERM_PROGRAM", "")
    first_second: set[str] = set()
    if program == "vscode":
        first_second |= {"step.help", "finance.pa_costs", "app.palette"}
    if platform == "darwin" or program in ("Apple_Terminal", "iTerm.app"):
        first_second |= set(_FUNCTION_KEYS_TAKEN)
    if environment.get("WT_SESSION"):
        first_second |= {"list.up", "list.down"}
    return {action: ",".join(reversed(SECOND_KEYS[action].split(","))) for action in sorted(first_second)}
