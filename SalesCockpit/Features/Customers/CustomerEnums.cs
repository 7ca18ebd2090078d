namespace SalesCockpit.Features.Customers;

// Stored as integers: append new members at the end, never renumber.
public enum CustomerStatus
{
    Lead = 0,
    ValidLead = 1,
    Opportunity = 2,
    Won = 3,
    Lost = 4,
}

/// <summary>How important an account is; flow-back allows longer holds for key accounts.</summary>
public enum CustomerLevel
{
    Key = 0,
    Standard = 1,
    Small = 2,
}

public enum CustomerSource
{
    Referral = 0,
    PeerWebsite = 1,
    Inbound = 2,
    Outbound = 3,
    Other = 4,
}

public enum Industry
{
    Manufacturing = 0,
    Retail = 1,
    Technology = 2,
    Healthcare = 3,
    Education = 4,
    Finance = 5,
    Logistics = 6,
    Construction = 7,
    FoodAndBeverage = 8,
    Other = 9,
}

public enum SizeBand
{
    Micro = 0,
    Small = 1,
    Medium = 2,
    Large = 3,
    Enterprise = 4,
}

public enum DevelopmentStage
{
    Startup = 0,
    Growth = 1,
    Mature = 2,
    Transforming = 3,
}

public enum FollowUpKind
{
    Visit = 0,
    Call = 1,
    Message = 2,
    Meeting = 3,
}

public enum OpportunityStage
{
    Discovery = 0,
    Proposal = 1,
    Negotiation = 2,
    Commitment = 3,
    Won = 4,
    Lost = 5,
}

/// <summary>What happened to a customer, as its history shows it. Pool moves are the first six.</summary>
public enum CustomerEventKind
{
    Created = 0,
    Claimed = 1,
    Released = 2,
    FlowedBack = 3,
    HandedOver = 4,
    Won = 5,
    Lost = 6,
    StatusChanged = 7,
    Locked = 8,
    Unlocked = 9,
    OpportunityAdded = 10,
    OpportunityStageChanged = 11,
    Imported = 12,

    /// <summary>A manager's judgment on a stalled opportunity set a next action for the rep; Detail holds it.</summary>
    NextActionSet = 13,
}

public enum PersonaFit
{
    Unknown = 0,
    Weak = 1,
    Partial = 2,
    Strong = 3,
}
