#pragma once
// Unicode general-category tests used by the tokenizers, backed by ICU.
// They answer what the `regex` module's \p{N}, \p{P} and \p{S} answer.

namespace mteval {

bool IsUnicodeNumber(char32_t c);       // \p{N}: Nd, Nl, No
bool IsUnicodePunctuation(char32_t c);  // \p{P}: Pc, Pd, Ps, Pe, Pi, Pf, Po
bool IsUnicodeSymbol(char32_t c);       // \p{S}: Sm, Sc, Sk, So

}  // namespace mteval
