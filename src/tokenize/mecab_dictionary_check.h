#pragma once
// Checks a compiled MeCab dictionary directory before libmecab loads it.
// libmecab trusts every offset in its binary files, so a damaged file of the
// right size (a flipped bit, a truncated download padded back, a file from
// another build) makes it read outside the file and crash. The format has no
// checksum; what it records is checked instead, as far as it allows
// (MeCab 0.996, src/dictionary.cpp, darts.h, char_property.cpp,
// connector.cpp):
//  - sys.dic and unk.dic: the magic number (xor the file size), version 102,
//    the charset name's terminator, the section sizes adding up to the file
//    size; every double-array unit that a lookup can reach by a transition
//    has a base from which all 256 next transitions stay inside the array
//    (and so does the root); every leaf names tokens inside the token table;
//    every token's connection ids fit matrix.bin and its feature offset lies
//    inside the feature block, which ends with a NUL;
//  - char.bin: its size from the category count, each category name's
//    terminator, each character's default category among the categories;
//  - matrix.bin: its size from its two dimensions.
// A file that cannot be opened is left to MeCab to report.

#include <string>

namespace mteval {

// "" when the dictionary in `dir` passes, else "FILE: what is wrong" for the
// first problem found.
std::string FindMecabDictionaryDamage(const std::string& dir);

}  // namespace mteval
