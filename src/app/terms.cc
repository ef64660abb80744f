#include "app/terms.h"

#include <mteval/error.h>
#include "common/output_file.h"

namespace mteval {

void TermsRequest::Validate() const {
  if (inputs.hyp_path.empty()) throw Error(ErrorKind::kUsage, "--hyp FILE is required");
  if (format != "json" && format != "text") throw Error(ErrorKind::kUsage, "-f must be json or text");
  terms.Validate();
}

std::string RunTerms(const TermsRequest& options) {
  if (!options.output.empty()) CheckOutputTarget(options.output, options.force);
  TermsReport report = ComputeTermsReport(options.inputs, options.terms);
  const std::string& content = options.format == "json" ? report.json : report.text;
  if (options.output.empty()) return content;
  WriteOutputFile(options.output, content, options.force);
  return "";
}
}  // namespace mteval
