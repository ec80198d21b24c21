#ifndef PAGEMILL_LANGUAGE_ID_H
#define PAGEMILL_LANGUAGE_ID_H

#ifdef __cplusplus
extern "C" {
#endif

/// What CLD2 says about a text: its language and how sure it is.
typedef struct {
    /// The top language's code ("en", "haw", "zh-Hant"); empty when none could be told.
    char code[16];
    /// The share of the scored text in that language, 0 to 100.
    int percent;
    /// The second language's code and share, for mixed text; empty and 0 when there is none.
    char second_code[16];
    int second_percent;
    /// CLD2's own judgement: 1 when the top language is clearly ahead, 0 otherwise.
    int reliable;
    /// The bytes of letters CLD2 scored (markup, digits and punctuation left out).
    int scored_bytes;
} pagemill_language_guess;

/// Identifies the language of `length` bytes of UTF-8 plain text with CLD2's full tables
/// (165 languages). `hint` is a declared language ("de", "pt-BR") or NULL; it only tips
/// close cases. With `best_effort`, even short text gets a guess, which the caller weighs by
/// `scored_bytes`. Returns 0, or -1 when the bytes are not valid UTF-8 (the guess is then empty).
int pagemill_identify_language(
    const char *text, int length, const char *hint, int best_effort, pagemill_language_guess *guess);

#ifdef __cplusplus
}
#endif

#endif
