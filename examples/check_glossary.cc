// Checks a translation against a glossary: for every source term of the
// glossary found in the source, is an approved translation of it in the
// translated segment? Prints the term accuracy, then one line per missed term
// and per forbidden variant used.
//
//   check_glossary GLOSSARY SOURCE TRANSLATION
//
// GLOSSARY is a .tsv, .csv or .tbx file; SOURCE and TRANSLATION are plain
// text (one segment per line) or WMT SGML. Uses only the installed headers
// of the mteval library.

#include <cstdio>
#include <string>

#include <mteval/error.h>
#include <mteval/terminology.h>

int main(int argc, char** argv) {
  if (argc != 4) {
    std::fprintf(stderr, "usage: %s GLOSSARY SOURCE TRANSLATION\n", argv[0]);
    return 2;
  }
  try {
    const mteval::Glossary glossary = mteval::ReadGlossary(argv[1], /*src_lang=*/"", /*tgt_lang=*/"");
    const mteval::SegmentedText source = mteval::LoadTermsInput(argv[2]);
    const mteval::SegmentedText translation = mteval::LoadTermsInput(argv[3]);
    const mteval::GlossaryCheckResult result =
        mteval::CheckGlossary(glossary, source, translation, mteval::GlossaryCheckOptions{});

    std::printf("term accuracy: %zu of %zu (%.4f)\n", result.correct, result.occurrences, result.accuracy);
    for (const mteval::GlossaryOccurrence& item : result.items) {
      if (item.correct) continue;
      const mteval::GlossaryEntry& entry = glossary.entries[item.entry];
      std::printf("segment %zu: '%s' is not translated as '%s'%s\n", item.source.segment + 1,
                  entry.source.c_str(), entry.allowed.empty() ? "" : entry.allowed[0].c_str(),
                  item.forbidden ? (" (forbidden '" + item.variant + "' used)").c_str() : "");
    }
    for (const mteval::ForbiddenHit& hit : result.forbidden_hits) {
      std::printf("segment %zu: forbidden '%s'\n", hit.target.segment + 1, hit.form.c_str());
    }
    return 0;
  } catch (const mteval::Error& e) {
    std::fprintf(stderr, "check_glossary: %s\n", e.what());
    return mteval::ExitCodeFor(e.kind());
  }
}
