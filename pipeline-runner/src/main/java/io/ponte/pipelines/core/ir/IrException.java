package io.ponte.pipelines.core.ir;

import io.ponte.pipelines.core.PipelineException;

/** The IR is malformed or inconsistent; {@link #irPath()} names where. Retrying cannot help. */
public class IrException extends PipelineException {

    public IrException(String irPath, String message) {
        super(Kind.INVALID, irPath, irPath == null || irPath.isEmpty() ? message : irPath + ": " + message);
    }

    public IrException(String irPath, String message, Throwable cause) {
        super(Kind.INVALID, irPath, irPath == null || irPath.isEmpty() ? message : irPath + ": " + message, cause);
    }
}
