#pragma once
/* The C interface of libmteval_spm.so, the plugin that wraps SentencePiece.
 *
 * Debian ships SentencePiece only as a shared library linked against the
 * shared libstdc++, while the mteval executable links libstdc++ statically
 * (fast start-up, see docs/performance.md). The two C++ runtimes must never share
 * objects, so only C types cross this boundary: no C++ types, no exceptions
 * and no memory allocated on one side and freed on the other. The plugin is
 * loaded with dlopen by src/tokenize/tokenizer_spm.cc on first use of an spm
 * tokenizer; nothing links against it. */

#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

/* Bumped whenever a signature below changes; the loader refuses a plugin
 * built from other sources. */
#define MTEVAL_SPM_ABI_VERSION 1

/* Exported from the plugin, which hides every other symbol. */
#define MTEVAL_SPM_API __attribute__((visibility("default")))

typedef struct mteval_spm_model mteval_spm_model;

/* Receives one piece (not NUL-terminated). Returns 0 to go on, anything else
 * to stop encoding the line. Must not throw. */
typedef int (*mteval_spm_piece_fn)(void* context, const char* piece, size_t size);

/* MTEVAL_SPM_ABI_VERSION of the sources the plugin was built from. */
MTEVAL_SPM_API int mteval_spm_abi_version(void);

/* Loads a model file. On failure returns NULL and writes a NUL-terminated
 * message (SentencePiece's status text, truncated to error_size) to error. */
MTEVAL_SPM_API mteval_spm_model* mteval_spm_open(const char* path, char* error, size_t error_size);

/* Encodes text[0, size) into pieces, calling piece_fn for each in order.
 * Thread-safe for one model. Returns 0 on success, 1 on a SentencePiece error
 * (message written to error), 2 if piece_fn asked to stop. */
MTEVAL_SPM_API int mteval_spm_encode(const mteval_spm_model* model, const char* text, size_t size,
                                     mteval_spm_piece_fn piece_fn, void* context, char* error, size_t error_size);

/* Frees a model from mteval_spm_open (NULL is ignored). */
MTEVAL_SPM_API void mteval_spm_close(mteval_spm_model* model);

/* The type of each function, for dlsym. */
typedef int (*mteval_spm_abi_version_fn)(void);
typedef mteval_spm_model* (*mteval_spm_open_fn)(const char*, char*, size_t);
typedef int (*mteval_spm_encode_fn)(const mteval_spm_model*, const char*, size_t, mteval_spm_piece_fn, void*,
                                    char*, size_t);
typedef void (*mteval_spm_close_fn)(mteval_spm_model*);

#ifdef __cplusplus
}
#endif
