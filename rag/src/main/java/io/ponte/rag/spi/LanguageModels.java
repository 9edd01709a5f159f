package io.ponte.rag.spi;

import java.util.Optional;

/** The configured language model, if there is one (the embedded default has none: answers are extractive). */
public interface LanguageModels {

    Optional<LanguageModel> configured();
}
