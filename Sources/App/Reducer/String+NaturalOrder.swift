extension String {
    /// Case-insensitive order in which digit runs compare as numbers (`vm-2` before `vm-10`).
    func naturallyPrecedes(_ other: String) -> Bool {
        var lhs = lowercased().unicodeScalars.makeIterator()
        var rhs = other.lowercased().unicodeScalars.makeIterator()
        var left = lhs.next()
        var right = rhs.next()
        while let l = left, let r = right {
            if l.properties.numericType != nil, r.properties.numericType != nil, l.isASCII, r.isASCII {
                var leftNumber = ""
                var rightNumber = ""
                while let digit = left, digit.isASCII, digit.properties.numericType != nil {
                    leftNumber.unicodeScalars.append(digit)
                    left = lhs.next()
                }
                while let digit = right, digit.isASCII, digit.properties.numericType != nil {
                    rightNumber.unicodeScalars.append(digit)
                    right = rhs.next()
                }
                let a = leftNumber.drop { $0 == "0" }
                let b = rightNumber.drop { $0 == "0" }
                if a.count != b.count { return a.count < b.count }
                if a != b { return a < b }
                continue
            }
            if l != r { return l.value < r.value }
            left = lhs.next()
            right = rhs.next()
        }
        return left == nil && right != nil
    }
}
