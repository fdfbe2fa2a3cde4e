namespace Vigil.Core.Patterning.Syntax;

internal enum TokenKind
{
    End,
    LeftBracket,
    RightBracket,
    LeftParen,
    RightParen,
    Colon,
    Dot,
    Comma,
    Asterisk,
    Equal,
    NotEqual,
    Less,
    LessOrEqual,
    Greater,
    GreaterOrEqual,
    Identifier,
    String,
    Integer,
    Float,
    Hex,
    Base64,
    Timestamp,
}
