//! Any bytes on stdin: the frame reader never panics, never hands out a frame over the limit,
//! reports an oversized frame only when it is oversized, and always comes to an end; every frame
//! it hands out goes through request decoding, which never panics either.

#![no_main]

use hush_host::framing::{read_frame, FrameError};
use hush_host::protocol::decode_request;
use libfuzzer_sys::fuzz_target;

/// Small, so that the fuzzer reaches the oversized path with short inputs.
const LIMIT: usize = 4096;

fuzz_target!(|data: &[u8]| {
    let Ok(runtime) = tokio::runtime::Builder::new_current_thread().build() else { return };
    runtime.block_on(async {
        let mut reader = data;
        // Each round consumes at least the 4-byte header, so the loop ends.
        for _ in 0..=data.len() / 4 {
            match read_frame(&mut reader, LIMIT).await {
                Ok(None) | Err(FrameError::Truncated) => return,
                Ok(Some(body)) => {
                    assert!(body.len() <= LIMIT);
                    let _ = decode_request(&body);
                }
                Err(FrameError::TooLarge { len, limit }) => assert!(len > limit),
                Err(e) => panic!("reading from memory cannot fail otherwise: {e}"),
            }
        }
        panic!("the reader did not come to an end");
    });
});
