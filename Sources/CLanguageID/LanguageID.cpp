// The one call into CLD2, whose API is C++: a C function Swift can call, in one place.
#include "CLanguageID.h"

#include <cstdio>
#include <cld2/public/compact_lang_det.h>
#include <cld2/public/encodings.h>
#include <cstring>

namespace {

void copyCode(CLD2::Language language, char *target, std::size_t capacity) {
    target[0] = '\0';
    if (language == CLD2::UNKNOWN_LANGUAGE || language == CLD2::TG_UNKNOWN_LANGUAGE) { return; }
    const char *code = CLD2::LanguageCode(language);
    if (code == nullptr || std::strcmp(code, "un") == 0) { return; }
    std::strncpy(target, code, capacity - 1);
    target[capacity - 1] = '\0';
}

}  // namespace

extern "C" int pagemill_identify_language(
    const char *text, int length, const char *hint, int best_effort, pagemill_language_guess *guess) {
    std::memset(guess, 0, sizeof(*guess));
    CLD2::CLDHints hints = {hint, nullptr, CLD2::UNKNOWN_ENCODING, CLD2::UNKNOWN_LANGUAGE};
    CLD2::Language top3[3];
    int percent3[3] = {0, 0, 0};
    double scores3[3] = {0, 0, 0};
    int scoredBytes = 0;
    bool reliable = false;
    int validPrefix = 0;
    CLD2::ExtDetectLanguageSummaryCheckUTF8(
        text, length, true, &hints, best_effort ? CLD2::kCLDFlagBestEffort : 0, top3, percent3, scores3, nullptr, &scoredBytes, &reliable, &validPrefix);
    if (validPrefix < length) { return -1; }
    // CLD2 may rank "unknown" (text it could not score) first: the languages are what it named.
    int found = 0;
    for (int rank = 0; rank < 3 && found < 2; ++rank) {
        char code[16];
        copyCode(top3[rank], code, sizeof(code));
        if (code[0] == '\0') { continue; }
        if (found == 0) {
            std::memcpy(guess->code, code, sizeof(code));
            guess->percent = percent3[rank];
        } else {
            std::memcpy(guess->second_code, code, sizeof(code));
            guess->second_percent = percent3[rank];
        }
        ++found;
    }
    guess->reliable = reliable ? 1 : 0;
    guess->scored_bytes = scoredBytes;
    return 0;
}
