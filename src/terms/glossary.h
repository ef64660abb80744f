#pragma once
// Terminology glossaries: which target forms a source term may and may not be
// translated with.
//
// Formats (chosen by file extension):
//  - .tsv / .txt (tab-separated) and .csv (comma-separated, RFC 4180 quoting),
//    one entry per line:
//      source term | allowed target variants ('|'-separated, first = preferred)
//      | forbidden variants ('|'-separated, optional) | case ("yes"/"cs" =
//      case-sensitive, "no"/"ci"/empty = not) | note
//    A leading UTF-8 byte-order mark (Excel's "CSV UTF-8") is skipped.
//    Blank lines and lines starting with '#' are skipped; a first line whose
//    first cell is "source" (any case) is a header. A line
//      # languages: zh en
//    declares the source and target language codes.
//  - .tbx: TBX-Basic / TBX v2 (martif, termEntry, langSet, tig/ntig) and TBX
//    v3 core (tbx, conceptEntry, langSec, termSec). Each concept yields one
//    entry per non-forbidden source-language term; target terms whose
//    administrativeStatus is preferred or admitted (or absent) are allowed,
//    preferred ones first; deprecated and superseded ones are forbidden.
//    The file gets the checks of every XML input (corpus/xml_document.h):
//    DOCTYPE and ENTITY declarations, undefined entities, character
//    references and characters that XML 1.0 does not allow are refused.
//
// Errors (Error(kInput)) name the file and line (TSV/CSV) or the element and
// its line (TBX; XML-level errors name the line and column): an empty source term or an entry without allowed variants,
// a source term repeated with different variants, a malformed line or XML, a
// language code that is not ISO 639, an entity declaration.

#include <string>
#include <string_view>
#include <vector>

namespace mteval {

struct GlossaryEntry {
  std::string source;                  // the source term as written
  std::vector<std::string> allowed;    // approved target variants, preferred first
  std::vector<std::string> forbidden;  // target variants that must not be used
  bool case_sensitive = false;         // match exactly (otherwise Unicode case folding)
  std::string note;                    // free text (TSV note, TBX definition/note)
  std::string origin;                  // "file:line" where the entry is defined
};

struct Glossary {
  std::string path;
  std::string src_lang, tgt_lang;  // "" when not declared
  std::vector<GlossaryEntry> entries;
};

// Reads `path`; `src_lang`/`tgt_lang` choose the TBX language sections
// (required for TBX unless the file has exactly two languages) and override
// a TSV declaration when given.
Glossary ReadGlossary(const std::string& path, const std::string& src_lang, const std::string& tgt_lang);

// Throws Error(kInput) naming the file when `g` has no entries (an empty,
// comment-only or header-only file): no term can be checked, and an accuracy
// of "0 of 0" must not pass for a result. `how_to_allow`, when not empty,
// ends the message (the flag of a command that allows it).
void RequireGlossaryEntries(const Glossary& g, const std::string& how_to_allow);

// Parsers over already-read bytes; `name` appears in errors.
Glossary ParseDelimitedGlossary(std::string_view content, const std::string& name, char delimiter);
Glossary ParseTbxGlossary(std::string_view content, const std::string& name, const std::string& src_lang,
                          const std::string& tgt_lang);

// True when the primary subtag of `code` ("en", "zh-Hans", "pt_BR", "fra")
// is an ISO 639 language code that ICU knows.
bool IsKnownLanguageCode(const std::string& code);

}  // namespace mteval
