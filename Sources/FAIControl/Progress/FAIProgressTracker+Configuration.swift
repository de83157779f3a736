extension FAIProgressTracker {
    /// Silence thresholds for waits and hangs, in seconds (fai-console.md P5).
    public struct Thresholds: Sendable, Equatable {
        /// After `Press <RETURN> to reboot` without a reboot: waiting for RETURN.
        public var returnPrompt: Double = 15
        /// A shell prompt this long idle: waiting at the shell.
        public var shellPrompt: Double = 3
        /// No byte this long before FAI's banner: hung at boot.
        public var boot: Double = 300
        /// No byte this long in a phase that prints as it works: hung.
        public var talkativePhase: Double = 600
        /// No byte this long in a phase that is silent by design (instsoft, updatebase, extrbase
        /// without verbose; configure): hung.
        public var silentPhase: Double = 2700
        /// No byte this long after root-mount errors before FAI: no boot.
        public var afterBootError: Double = 60

        /// Creates thresholds; the defaults are those of fai-console.md P5.
        public init(returnPrompt: Double = 15, shellPrompt: Double = 3, boot: Double = 300,
                    talkativePhase: Double = 600, silentPhase: Double = 2700, afterBootError: Double = 60) {
            self.returnPrompt = returnPrompt
            self.shellPrompt = shellPrompt
            self.boot = boot
            self.talkativePhase = talkativePhase
            self.silentPhase = silentPhase
            self.afterBootError = afterBootError
        }
    }

    /// Everything about progress reading that a site may tune.
    public struct Configuration: Sendable, Equatable {
        /// Wait and hang thresholds.
        public var thresholds: Thresholds
        /// Percentage weight of each of the 18 phases (index 0 = phase 1).
        public var phaseWeights: [Double]
        /// Expected seconds of each phase, for time-based progress in silent phases.
        public var expectedSeconds: [Double]
        /// Task levels at or above this make a finished install a failure (default 400: 420, 471, 472,
        /// 474 and 620 mean scripts or packages failed).
        public var failureLevel: Int
        /// Task levels at or above this (and below ``failureLevel``) are warnings.
        public var warningLevel: Int

        /// Creates a configuration; the defaults follow fai-console.md P3–P5.
        public init(thresholds: Thresholds = Thresholds(), phaseWeights: [Double] = FAIPhase.defaultWeights,
                    expectedSeconds: [Double] = FAIPhase.defaultExpectedSeconds,
                    failureLevel: Int = 400, warningLevel: Int = 300) {
            self.thresholds = thresholds
            self.phaseWeights = Self.padded(phaseWeights, with: FAIPhase.defaultWeights)
            self.expectedSeconds = Self.padded(expectedSeconds, with: FAIPhase.defaultExpectedSeconds)
            self.failureLevel = failureLevel
            self.warningLevel = warningLevel
        }

        /// The default limit of `console --until-done` and `install --watch`: boot time, twice the
        /// expected length of every phase, and the longest silence the hang detector tolerates, so the
        /// hang detector decides a stuck install first and the limit only ends an install that keeps
        /// talking without ever finishing.
        public var defaultWatchTimeout: Duration {
            .seconds(Int((thresholds.boot + 2 * expectedSeconds.reduce(0, +) + thresholds.silentPhase).rounded(.up)))
        }

        private static func padded(_ values: [Double], with defaults: [Double]) -> [Double] {
            (0..<FAIPhase.count).map { index in
                index < values.count && values[index].isFinite && values[index] >= 0
                    ? values[index] : defaults[index]
            }
        }
    }
}
