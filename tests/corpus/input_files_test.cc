// How input files are opened and decoded, whatever they are: FIFOs are read
// once (sniffing and reading share the bytes), gzip files follow Python's
// gzip module (members, zero padding, trailing garbage), and the advice for
// a file that is not UTF-8 names UTF-16 when the file is.

#include <sys/stat.h>
#include <zlib.h>

#include <catch2/catch.hpp>
#include <cstdlib>

#include "corpus/expect_error.h"
#include "corpus/line_reader.h"
#include "corpus/line_stream.h"
#include "corpus/tsv_reader.h"
#include "support/sample_corpus.h"
#include "support/test_paths.h"

namespace mteval {

using testing::ErrorOf;
using testing::RunMtevalWithin;
using testing::WriteFile;

namespace {

using Lines = std::vector<std::string>;

// One gzip member holding `text`.
std::string Gzip(const std::string& text) {
  z_stream z{};
  REQUIRE(deflateInit2(&z, 6, Z_DEFLATED, 16 + MAX_WBITS, 8, Z_DEFAULT_STRATEGY) == Z_OK);
  std::string out(deflateBound(&z, text.size()), '\0');
  z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(text.data()));
  z.avail_in = static_cast<uInt>(text.size());
  z.next_out = reinterpret_cast<Bytef*>(out.data());
  z.avail_out = static_cast<uInt>(out.size());
  REQUIRE(deflate(&z, Z_FINISH) == Z_STREAM_END);
  out.resize(z.total_out);
  deflateEnd(&z);
  return out;
}

// Starts a writer that puts `content` into FIFO `fifo` and gives up after
// 20 s (so that a reader that never comes does not leave it behind).
void FeedFifo(const std::string& fifo, const std::string& content_file) {
  const std::string cmd = "(timeout 20 sh -c \"cat '" + content_file + "' > '" + fifo + "'\" &) ";
  REQUIRE(std::system(cmd.c_str()) == 0);
}

}  // namespace

TEST_CASE("a FIFO input is opened once: its format is sniffed from the bytes read", "[corpus][input]") {
  const testing::SampleCorpus c;
  const std::string &dir = c.dir, &ref = c.ref, &hyp = c.hyp, &hyp2 = c.hyp2, fifo = dir + "/fifo";
  REQUIRE(mkfifo(fifo.c_str(), 0600) == 0);
  const auto expected = testing::RunMteval("score " + ref + " -i " + hyp + " -b");
  REQUIRE(expected.exit_code == 0);

  // The system output through the FIFO; each run is killed after 20 s, so a
  // second open that would wait for a writer fails the test.
  FeedFifo(fifo, hyp);
  auto r = RunMtevalWithin(20, "score " + ref + " -i " + fifo + " -b");
  CHECK(r.exit_code == 0);
  CHECK(r.out == expected.out);
  // The reference.
  FeedFifo(fifo, ref);
  r = RunMtevalWithin(20, "score " + fifo + " -i " + hyp + " -b");
  CHECK(r.exit_code == 0);
  CHECK(r.out == expected.out);
  // compare reads --src twice (as terms input and as lines).
  FeedFifo(fifo, ref);
  r = RunMtevalWithin(20, "compare " + ref + " -i " + hyp + " " + hyp2 + " --src " + fifo + " --no-significance -f json");
  CHECK(r.exit_code == 0);
  CHECK_THAT(r.out, Catch::Contains("It was raining, again."));
  // A markup format is recognised from the FIFO's bytes.
  const std::string sgml = dir + "/hyp.sgm";
  WriteFile(sgml, "<tstset setid=\"t\" srclang=\"en\" trglang=\"de\">\n<doc docid=\"d\" sysid=\"S\">\n"
                  "<seg id=\"1\">The cat sat on a mat.</seg>\n<seg id=\"2\">It rained again.</seg>\n</doc>\n</tstset>\n");
  FeedFifo(fifo, sgml);
  r = RunMtevalWithin(20, "score " + ref + " -i " + fifo + " -b");
  CHECK(r.exit_code == 0);
  CHECK(r.out == expected.out);
}

TEST_CASE("a directory given as input is named as such", "[corpus][input]") {
  const std::string dir = testing::MakeTempDir();
  CHECK_THAT(ErrorOf([&] { ReadLines(dir); }), Catch::Contains(dir) && Catch::Contains("is a directory"));
}

TEST_CASE("gzip input follows Python's gzip: members, zero padding, no trailing garbage", "[corpus][input]") {
  const std::string dir = testing::MakeTempDir();
  const std::string one = Gzip("one\ntwo\n"), two = Gzip("three\n");
  auto write = [&](const std::string& name, const std::string& bytes) {
    WriteFile(dir + "/" + name, bytes);
    return dir + "/" + name;
  };
  // Concatenated members are one stream; zero bytes after a member are
  // padding (also between members).
  for (const std::string& bytes : {one + two, one + std::string(7, '\0') + two}) {
    const std::string path = write("members.txt.gz", bytes);
    CHECK(ReadLines(path) == Lines{"one", "two", "three"});
    CHECK(CountLines(path) == 3);
  }
  CHECK(ReadLines(write("padded.txt.gz", one + std::string(1000, '\0'))) == Lines{"one", "two"});
  CHECK(ReadLines(write("empty.txt.gz", "")).empty());
  // Anything else after a member is refused (Python: BadGzipFile), naming
  // where it starts.
  const std::string offset = std::to_string(one.size());
  for (const std::string& tail : {std::string("junk"), std::string("\0\0x", 3), std::string("\x1f", 1)}) {
    const std::string path = write("garbage.txt.gz", one + tail);
    const std::string at = tail[0] == '\0' ? std::to_string(one.size() + 2) : offset;
    CHECK_THAT(ErrorOf([&] { ReadLines(path); }), Catch::Contains("are not gzip data") && Catch::Contains("byte offset " + at));
    CHECK_THAT(ErrorOf([&] { CountLines(path); }), Catch::Contains("are not gzip data"));
    TsvOptions tsv;
    tsv.columns = {"1"};
    CHECK_THAT(ErrorOf([&] { ReadTsv(path, tsv); }), Catch::Contains("are not gzip data"));
  }
  // The magic of a next member without its data: the stream ends early.
  CHECK_THAT(ErrorOf([&] { ReadLines(write("cut.txt.gz", one + "\x1f\x8b")); }), Catch::Contains("truncated"));
  // A damaged member (its CRC) is refused too.
  std::string bad_crc = one;
  bad_crc[bad_crc.size() - 6] ^= 1;
  CHECK_THAT(ErrorOf([&] { ReadLines(write("crc.txt.gz", bad_crc)); }), Catch::Contains("cannot decompress"));
}

TEST_CASE("a file in UTF-16 is named UTF-16 in the advice, not Latin-1", "[corpus][input]") {
  const std::string dir = testing::MakeTempDir();
  // "<x>" in UTF-16LE with its byte-order mark, as Windows tools save XML.
  const std::string utf16le("\xFF\xFE<\0x\0>\0\n\0", 10), utf16be("\xFE\xFF\0<\0x\0>\0\n", 10);
  for (const std::string& bytes : {utf16le, utf16be}) {
    WriteFile(dir + "/a.xml", bytes);
    const std::string read = ErrorOf([&] { ReadLines(dir + "/a.xml"); });
    CHECK_THAT(read, Catch::Contains("UTF-16") && Catch::Contains("iconv -f UTF-16 -t UTF-8"));
    CHECK_THAT(read, !Catch::Contains("LATIN1"));
    CHECK_THAT(ErrorOf([&] { CountLines(dir + "/a.xml"); }), Catch::Contains("iconv -f UTF-16 -t UTF-8"));
    auto cli = testing::RunMteval("score " + dir + "/a.xml -i " + dir + "/a.xml");
    CHECK(cli.exit_code == 3);
    CHECK_THAT(cli.err, Catch::Contains("UTF-16"));
  }
  // Other bytes still get the Latin-1 advice.
  WriteFile(dir + "/latin1.txt", "caf\xE9\n");
  CHECK_THAT(ErrorOf([&] { ReadLines(dir + "/latin1.txt"); }), Catch::Contains("iconv -f LATIN1 -t UTF-8"));
}

}  // namespace mteval
